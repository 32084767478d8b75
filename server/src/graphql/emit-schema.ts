// Writes schema/schema.graphql from the code (pnpm schema). A test fails when the committed file drifts.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printedSchema } from './schema.js';

export const SCHEMA_FILE = resolve(import.meta.dirname, '../../../schema/schema.graphql');

writeFileSync(SCHEMA_FILE, await printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
