// Prints the DDL of the current entities, to write a migration from (pnpm --filter @jixiao/server exec tsx src/db/print-schema.ts).
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/sqlite';
import { ormOptions } from './orm.js';

const orm = await MikroORM.init({ ...ormOptions(':memory:'), extensions: [] });
console.log(await orm.getSchemaGenerator().getCreateSchemaSQL({ wrap: false }));
await orm.close();
