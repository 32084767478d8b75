import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../server/src/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('is what the code generates (run `pnpm schema` and commit it when this fails)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8');
    expect(await printedSchema()).toBe(committed);
  });

  it('describes every type and field, for analysts who read it as documentation', async () => {
    const { graphqlSchema } = await import('../../server/src/graphql/schema.js');
    const schema = await graphqlSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const root = ['Query', 'Mutation'].includes(type.name);
      if (!type.description && !root) undocumented.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
