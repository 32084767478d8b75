import { describe, expect, it } from 'vitest';
import { isStatedZero } from './stated-zero.js';

describe('isStatedZero: "无" for an amount is a stated 0 (gap-rules §4.4)', () => {
  it.each([
    ['无', true],
    ['零', true],
    [' 无 ', true],
    ['\u3000无\u3000', true],
    ['无\n', true],
    ['0', false],
    ['', false],
    ['无效', false],
    ['无直接经济效益', false],
    ['零点五', false],
    ['/', false],
    ['-', false],
    ['—', false],
    ['abc', false],
    ['12.5', false],
  ])('%j → %s', (text, expected) => {
    expect(isStatedZero(text)).toBe(expected);
  });
});
