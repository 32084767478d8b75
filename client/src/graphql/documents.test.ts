import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, Kind, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as all from './documents';

// Every GraphQL document the client sends (the *.graphql.ts files beside the features, with the fragments
// they spread appended by ./index.ts) must be valid against the server's schema/schema.graphql.
const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'));
const modules = import.meta.glob<Record<string, unknown>>(['../**/*.graphql.ts', './fragments.ts'], { eager: true });
const isDocument = (value: unknown): value is DocumentNode => typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
const documents = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).flatMap(([name, value]) => (isDocument(value) ? [[`${file.replace(/^.*\//, '')} ${name}`, value] as const] : [])),
);
const operations = documents.filter(([, document]) => document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));

describe('GraphQL documents against schema/schema.graphql', () => {
  it('finds the operations', () => expect(operations.length).toBeGreaterThan(40));
  it.each(operations)('%s', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
  it('graphql/documents.ts re-exports every document (the server limits test reads it)', () => {
    const exported = new Set(Object.values(all));
    for (const [name, document] of documents) expect(exported.has(document), name).toBe(true);
  });
  it('writes each document once: a fragment is appended, never repeated', () => {
    for (const [, document] of operations) {
      const names = document.definitions.map((d) => ('name' in d ? d.name?.value : undefined));
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
