import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { tokenFrom } from './user/session.service.js';
import { hasForbiddenCharacters } from './validation.js';

describe('text that never belongs in a form', () => {
  it.each([
    ['宣传部', false],
    ['第一行\n第二行\t制表', false],
    ['😀 表情（成对代理）', false],
    ['NUL\u0000', true],
    ['响铃\u0007', true],
    ['孤立高代理\uD800', true],
    ['\uDC00孤立低代理', true],
  ])('%j → %s', (text, forbidden) => expect(hasForbiddenCharacters(text)).toBe(forbidden));
});

describe('session tokens from requests', () => {
  it.each([
    [{ authorization: 'Bearer abc-123' }, 'abc-123'],
    [{ cookie: 'other=1; jixiao_session=tok%2Ben' }, 'tok+en'],
    [{ cookie: 'jixiao_session=%%%' }, null],
    [{ cookie: 'other=1' }, null],
    [{}, null],
  ])('%j → %s', (headers, token) => expect(tokenFrom(headers)).toBe(token));
});
