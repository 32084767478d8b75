// Prints the DDL of the current entities, to write a migration from:
//   pnpm --filter @jixiao/server exec tsx src/db/print-schema.ts
import { openFromEntities } from './orm.js';

const orm = await openFromEntities();
console.log(await orm.getSchemaGenerator().getCreateSchemaSQL({ wrap: false }));
await orm.close();
