import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, Kind, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from './operations';

// Every document the client sends must be valid against the server's schema/schema.graphql.
const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'));
const documents = Object.entries(operations).filter(
  ([, value]) => (value as DocumentNode).kind === Kind.DOCUMENT && (value as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
) as [string, DocumentNode][];

describe('GraphQL documents against schema/schema.graphql', () => {
  it('finds the operations', () => expect(documents.length).toBeGreaterThan(30));
  it.each(documents)('%s', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
