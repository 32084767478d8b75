import { describe, expect, it } from 'vitest';
import { chineseOnly, readDecimal } from './text';

describe('server messages as the user sees them', () => {
  it('drops the English parenthetical, keeps the Chinese', () => {
    expect(chineseOnly('当前密码不正确 (current password is wrong)')).toBe('当前密码不正确');
    expect(chineseOnly('编码已被部门「宣传部」使用 (code already used)')).toBe('编码已被部门「宣传部」使用');
    expect(chineseOnly('文档含 3 个操作，超过上限 2 (document has 3 operations; the limit is 2)')).toBe('文档含 3 个操作，超过上限 2');
  });
  it('keeps Chinese brackets and messages with nothing else', () => {
    expect(chineseOnly('分值（满分 100）不正确')).toBe('分值（满分 100）不正确');
    expect(chineseOnly('Forbidden')).toBe('Forbidden');
  });
});

describe('typed numbers', () => {
  it.each([
    ['16', '16'],
    ['16分', '16'],
    ['１６', '16'],
    ['１６．５分', '16.5'],
    [' 1,200 万元', '1200'],
    ['+3', '3'],
    ['-2.5', '-2.5'],
    ['.5', '0.5'],
    ['12.', '12'],
    ['80%', '80'],
  ])('%s → %s', (typed, sent) => expect(readDecimal(typed)).toEqual({ value: sent }));
  it('blank clears', () => expect(readDecimal('  ')).toEqual({ value: null }));
  it.each(['abc', '十六', '1.2.3', '16 17', '--1'])('%s is refused with a plain message', (typed) => {
    expect(readDecimal(typed)).toEqual({ error: '请输入数字，如 16 或 16.5（可带单位“分”“万元”）' });
  });
  it('whole numbers for head counts', () => {
    expect(readDecimal('１２人', { integer: true })).toEqual({ value: '12' });
    expect(readDecimal('12.5', { integer: true })).toEqual({ error: '请输入整数，如 16' });
  });
});
