import { describe, expect, it } from 'vitest';
import { averageScore, shareOf } from './aggregates.js';

describe('averageScore', () => {
  it.each([
    [98_890_000n, 1, '98.89'],
    [197_780_000n, 3, '65.93'], // 65.926666… rounds half up at the 2nd decimal
    [null, 0, null],
    [10_000_000n, 0, null],
  ])('%s over %i plans → %s', (total, plans, expected) => {
    expect(averageScore(total, plans)).toBe(expected);
  });
});

describe('shareOf', () => {
  it.each([
    [10, 65, '0.153846'],
    [0, 5, '0'],
    [3, 0, null],
  ])('%i of %i → %s', (part, whole, expected) => {
    expect(shareOf(part, whole)).toBe(expected);
  });
});
