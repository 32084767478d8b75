/**
 * Sign-in throttling (issue 9 item 6): failures count per user name and address, with an exponential
 * back-off and a looser per-address cap, so failures from one address never keep the user out at
 * another; `trust proxy` (JIXIAO_TRUST_PROXY) decides the address and whether the cookie is Secure.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// The harness first: it imports the app, which loads reflect-metadata before any decorated class.
import { type HttpApi, openHttpApi, PASSWORD } from './http-harness.js';
import { trustProxy } from '../../server/src/app.js';
import { resetSignInLimits, Throttle } from '../../server/src/modules/user/session.service.js';
import { createUser } from '../../server/src/modules/user/user.service.js';

const SIGN_IN = 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token userErrors { code message } } }';

async function signIn(api: HttpApi, username: string, password: string, headers: Record<string, string> = {}) {
  const reply = await api.post({ query: SIGN_IN, variables: { u: username, p: password } }, { headers });
  return { code: reply.json.data.signIn.userErrors[0]?.code ?? 'OK', message: reply.json.data.signIn.userErrors[0]?.message, cookie: reply.headers.get('set-cookie') };
}

describe('the back-off', () => {
  it('lets five attempts through, then doubles the wait from 1 s up to the cap; forgetting clears it', () => {
    const throttle = new Throttle({ free: 5, baseMs: 1000, maxMs: 15 * 60_000, forgetMs: 24 * 3600_000 });
    let now = 1_000_000;
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(throttle.wait('k', now)).toBe(0);
      throttle.count('k', now);
    }
    const waits: number[] = [];
    for (let attempt = 0; attempt < 14; attempt++) {
      const wait = throttle.wait('k', now);
      waits.push(wait);
      now += wait; // waits exactly as long as told, then fails again
      expect(throttle.wait('k', now)).toBe(0);
      throttle.count('k', now);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900].map((seconds) => seconds * 1000));
    expect(throttle.wait('other', now)).toBe(0);
    throttle.forget('k');
    expect(throttle.wait('k', now)).toBe(0);
    throttle.count('k', now);
    expect(throttle.wait('k', now + 24 * 3600_000)).toBe(0);
  });
});

describe('JIXIAO_TRUST_PROXY', () => {
  it('reads false, true, a hop count or an address list', () => {
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });
});

describe('sign-in over HTTP behind a trusted proxy', () => {
  let api: HttpApi;
  const previous = process.env.JIXIAO_TRUST_PROXY;
  beforeAll(async () => {
    process.env.JIXIAO_TRUST_PROXY = 'loopback';
    api = await openHttpApi();
    await createUser(api.orm.em.fork(), { username: 'li', displayName: '李四', password: PASSWORD, role: 'ANALYST', departments: [] });
  });
  afterEach(() => resetSignInLimits());
  afterAll(async () => {
    if (previous === undefined) delete process.env.JIXIAO_TRUST_PROXY;
    else process.env.JIXIAO_TRUST_PROXY = previous;
    await api?.close();
  });

  const from = (address: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...extra });

  it('failures at address A lock out A only: the same user signs in at B', { timeout: 60_000 }, async () => {
    const codes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) codes.push((await signIn(api, 'li', 'wrong-password', from('203.0.113.1'))).code);
    expect(codes).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
    const lockedOut = await signIn(api, 'li', PASSWORD, from('203.0.113.1'));
    expect(lockedOut.code).toBe('TOO_MANY_ATTEMPTS');
    expect(lockedOut.message).toMatch(/请 \d+ 秒后再试 .*try again in \d+ s/);
    expect((await signIn(api, 'li', PASSWORD, from('203.0.113.2'))).code).toBe('OK');
    // …and the back-off at A ends by itself: a second later A may try again.
    await new Promise((done) => setTimeout(done, 1100));
    expect((await signIn(api, 'li', PASSWORD, from('203.0.113.1'))).code).toBe('OK');
  });

  it('one address guessing many names meets the looser per-address cap; other addresses do not', { timeout: 120_000 }, async () => {
    for (let name = 0; name < 50; name++) expect((await signIn(api, `guess${name}`, 'wrong-password', from('198.51.100.7'))).code).toBe('BAD_CREDENTIALS');
    expect((await signIn(api, 'guess-next', 'wrong-password', from('198.51.100.7'))).code).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(api, 'li', PASSWORD, from('198.51.100.7'))).code).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(api, 'li', PASSWORD, from('198.51.100.8'))).code).toBe('OK');
  });

  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    const tls = await signIn(api, 'li', PASSWORD, from('203.0.113.9', { 'x-forwarded-proto': 'https' }));
    expect(tls.cookie).toMatch(/; Secure/);
    expect(tls.cookie).toMatch(/HttpOnly/);
    const plain = await signIn(api, 'li', PASSWORD, from('203.0.113.9'));
    expect(plain.cookie).not.toMatch(/Secure/);
  });
});

describe('sign-in over HTTP with no trusted proxy (the default)', () => {
  let api: HttpApi;
  beforeAll(async () => {
    delete process.env.JIXIAO_TRUST_PROXY;
    api = await openHttpApi();
    await createUser(api.orm.em.fork(), { username: 'li', displayName: '李四', password: PASSWORD, role: 'ANALYST', departments: [] });
  });
  afterAll(async () => {
    resetSignInLimits();
    await api?.close();
  });

  it('ignores X-Forwarded-For and X-Forwarded-Proto: a forged address does not escape the back-off, nor makes the cookie Secure', async () => {
    const cookie = (await signIn(api, 'li', PASSWORD, { 'x-forwarded-proto': 'https' })).cookie;
    expect(cookie).not.toMatch(/Secure/);
    const codes: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) codes.push((await signIn(api, 'li', 'wrong-password', { 'x-forwarded-for': `203.0.113.${attempt}` })).code);
    expect(codes.at(-1)).toBe('TOO_MANY_ATTEMPTS');
  });
});
