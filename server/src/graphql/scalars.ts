import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatDecimal, numberToMicros, parseDecimal, type DecimalParse } from '../domain/decimal.js';

function readDecimal(value: unknown): string {
  let parsed: DecimalParse;
  if (typeof value === 'string') parsed = parseDecimal(value);
  else if (typeof value === 'number') parsed = numberToMicros(value);
  else throw decimalError('Decimal 须为十进制字符串，如 "267.5915" (a Decimal is a decimal string)', 'NOT_A_NUMBER');
  if (!parsed.ok) throw decimalError(parsed.error.message, parsed.error.code);
  return formatDecimal(parsed.value);
}

/**
 * Text formatDecimal gives back unchanged: no sign but for a non-zero value, no leading zeros, 1–6 decimals
 * without trailing zeros, below 10^8 (in range). Values read from the database are in this form: serialised
 * as they are, without a parse and format per value (issue 12: thousands of amounts per whole-plan read).
 */
const CANONICAL = /^-?(?:0|[1-9]\d{0,7})(?:\.\d{0,5}[1-9])?$/;

function serializeDecimal(value: unknown): string {
  if (typeof value === 'string' && CANONICAL.test(value) && value !== '-0') return value;
  return readDecimal(value);
}

function decimalError(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });
}

/**
 * Exact decimal carried as a string: money in 万元 (up to 6 decimals, 0.000001 万元 = 0.01 元) and
 * points (分). Never a binary float.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    '精确十进制数，以字符串传递：金额单位为万元（最多 6 位小数），分值单位为分 / Exact decimal as a string: money in 万元 (≤ 6 decimals), points in 分',
  serialize: (value) => serializeDecimal(value),
  parseValue: (value) => readDecimal(value),
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) return readDecimal(ast.value);
    throw decimalError('Decimal 须为十进制字符串 (a Decimal is a decimal string)', 'NOT_A_NUMBER');
  },
});
