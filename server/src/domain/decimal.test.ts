import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatFixed,
  numberToMicros,
  parseDecimal,
  ratio,
  ratioToMicros,
  sumMicros,
  toMicros,
} from './decimal.js';

describe('parseDecimal', () => {
  it.each([
    ['267.5915', 267_591_500n],
    ['177.59151', 177_591_510n],
    ['90', 90_000_000n],
    ['0.000001', 1n],
    ['-3.5', -3_500_000n],
    [' 563.72 ', 563_720_000n],
    ['100000000', 100_000_000_000_000n],
  ])('%s → %s micro-units', (text, micros) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: micros });
  });

  it.each([
    ['abc', 'NOT_A_NUMBER'],
    ['', 'NOT_A_NUMBER'],
    ['1e5', 'NOT_A_NUMBER'],
    ['1,000', 'NOT_A_NUMBER'],
    ['NaN', 'NOT_A_NUMBER'],
    ['0.0000001', 'TOO_PRECISE'],
    ['100000000.000001', 'TOO_LARGE'],
    ['9'.repeat(41), 'NOT_A_NUMBER'],
  ])('rejects %s with %s', (text, code) => {
    const parsed = parseDecimal(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(code);
  });
});

describe('exact sums', () => {
  it('adds the way the forms do, with no float drift', () => {
    // 0.1 + 0.2 is the classic float failure; 177.59151 + 90 is fixture 002's basic + project.
    expect(formatDecimal(toMicros('0.1') + toMicros('0.2'))).toBe('0.3');
    expect(formatDecimal(sumMicros([toMicros('177.59151'), toMicros('90')]))).toBe('267.59151');
  });
});

describe('formatting', () => {
  it.each([
    [90_000_000n, '90'],
    [267_591_500n, '267.5915'],
    [-500_000n, '-0.5'],
    [0n, '0'],
  ])('%s → %s', (micros, text) => expect(formatDecimal(micros)).toBe(text));

  it('rounds half away from zero to fixed places', () => {
    expect(formatFixed(toMicros('99.995'), 2)).toBe('100.00');
    expect(formatFixed(toMicros('99.994'), 2)).toBe('99.99');
    expect(formatFixed(toMicros('-0.125'), 2)).toBe('-0.13');
    expect(formatFixed(toMicros('5'), 0)).toBe('5');
  });
});

describe('numberToMicros (JSON weights and scores)', () => {
  it.each([
    [10, 10_000_000n],
    [4.5, 4_500_000n],
    [0.1, 100_000n],
  ])('%s', (value, micros) => expect(numberToMicros(value)).toEqual({ ok: true, value: micros }));

  it.each([
    [Number.NaN, 'NOT_A_NUMBER'],
    [Number.POSITIVE_INFINITY, 'NOT_A_NUMBER'],
    [1e-7, 'TOO_PRECISE'],
    [1e300, 'TOO_LARGE'],
  ])('rejects %s', (value, code) => {
    const parsed = numberToMicros(value);
    expect(parsed.ok ? 'ok' : parsed.error.code).toBe(code);
  });
});

describe('ratios', () => {
  it('rounds 563.72 / 563.72 to exactly 1 and 1/3 to six places', () => {
    expect(ratioToMicros(ratio(563_720_000n, 563_720_000n)!)).toBe(1_000_000n);
    expect(ratioToMicros(ratio(1n, 3n)!)).toBe(333_333n);
    expect(ratioToMicros(ratio(2n, 3n)!)).toBe(666_667n);
    expect(ratio(1n, 0n)).toBeNull();
  });
});
