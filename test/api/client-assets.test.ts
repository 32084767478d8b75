/**
 * The built client over HTTP (issue 12 item 4): precompressed with brotli and gzip, chosen by
 * Accept-Encoding (with Vary), hashed assets cached for a year as immutable, the HTML pages revalidated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/orm.js';

const dist = resolve(import.meta.dirname, '../../client/dist');
const built = existsSync(resolve(dist, 'index.html'));
if (!built) console.warn('client assets test skipped: client/dist is missing — run `pnpm build` first.');

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe.skipIf(!built)('the built client over HTTP', () => {
  let base: { host: string; port: number };
  let close: () => Promise<void>;

  beforeAll(async () => {
    const orm = await openDatabase(':memory:');
    const { listener, apollo, assetsReady } = await createHttpApp(orm);
    await assetsReady;
    const server = createServer(listener).listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    base = { host: '127.0.0.1', port: (server.address() as { port: number }).port };
    close = async () => {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
      await orm.close();
    };
  }, 180_000);
  afterAll(() => close?.());

  /** A GET with exactly these headers and the bytes as sent (fetch would decode them). */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<RawReply>((done, fail) => {
      const request = httpRequest({ ...base, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', fail);
      request.end();
    });

  const largestScript = () =>
    readdirSync(resolve(dist, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, size: readFileSync(resolve(dist, 'assets', name)).length }))
      .sort((a, b) => b.size - a.size)[0].name;

  it('serves a hashed script as brotli, gzip or plain by Accept-Encoding, immutable for a year', async () => {
    const name = largestScript();
    const original = readFileSync(resolve(dist, 'assets', name));
    const br = await get(`/assets/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gzip = await get(`/assets/${name}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const preferGzip = await get(`/assets/${name}`, { 'accept-encoding': 'br;q=0.5, gzip' });
    expect(preferGzip.headers['content-encoding']).toBe('gzip');

    const plain = await get(`/assets/${name}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.equals(original)).toBe(true);
    const refused = await get(`/assets/${name}`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();

    // The compressed copies live beside the build, made once.
    expect(existsSync(resolve(dist, '.precompressed/assets', `${name}.br`))).toBe(true);
    expect(existsSync(resolve(dist, '.precompressed/assets', `${name}.gz`))).toBe(true);
    expect((await get(`/.precompressed/assets/${name}.br`)).headers['content-type']).toMatch(/^text\/html/); // not a file of the site
  });

  it('serves index.html and graphiql.html (and client routes) revalidated: no-cache', async () => {
    for (const [path, page] of [
      ['/', 'index.html'],
      ['/index.html', 'index.html'],
      ['/plans/1', 'index.html'],
      ['/graphiql', 'graphiql.html'],
    ]) {
      const reply = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toMatch(/^text\/html/);
      expect(reply.headers['cache-control'], path).toBe('no-cache');
      expect(reply.headers['content-security-policy'], path).toBeTruthy();
      const body = reply.headers['content-encoding'] === 'br' ? brotliDecompressSync(reply.body) : reply.headers['content-encoding'] === 'gzip' ? gunzipSync(reply.body) : reply.body;
      expect(body.equals(readFileSync(resolve(dist, page))), path).toBe(true);
      expect(reply.headers.etag ?? reply.headers['last-modified'], path).toBeTruthy();
    }
  });
});
