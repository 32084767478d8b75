import { type EntityProperty, type Platform, Type } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { formatDecimal, toMicros } from '../domain/decimal.js';

/**
 * An exact decimal (万元 or 分) held in SQLite as an INTEGER count of micro-units (a bigint on
 * PostgreSQL, whose integer is 32 bits: 2,147 万元 in micro-units).
 * SQLite has no decimal type: a NUMERIC column would store 177.59151 as a binary float (STACK.md §6).
 * In code the value is the canonical decimal string ("267.5915"), validated at the API edge.
 */
export class DecimalType extends Type<string | null | undefined, number | null> {
  override convertToDatabaseValue(value: string | null | undefined): number | null {
    if (value == null) return null;
    return Number(toMicros(value));
  }

  override convertToJSValue(value: number | string | null): string | null {
    if (value == null) return null;
    // Values that are already canonical strings come through when MikroORM re-hydrates an entity.
    if (typeof value === 'string') return formatDecimal(toMicros(value));
    return formatDecimal(BigInt(value));
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(_prop: EntityProperty, platform: Platform): string {
    return platform instanceof PostgreSqlPlatform ? 'bigint' : 'integer';
  }
}
