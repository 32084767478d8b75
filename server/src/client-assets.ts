import type { NextFunction, Request, Response } from 'express';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * The built client (client/dist), served precompressed (issue 12 item 4). Once per build, at start and
 * in the background, every text file is compressed with brotli and gzip (node:zlib, best levels) into
 * client/dist/.precompressed/ — beside the build, rebuilt with it, reused across restarts while newer
 * than its source. Each request gets the encoding its Accept-Encoding prefers (`Vary: Accept-Encoding`);
 * until the files exist, or for files added after start, the plain file is served.
 *
 * Caching: Vite names what it builds into assets/ by content hash (`index-BxYz12ab.js`), so those are
 * `public, max-age=31536000, immutable`; index.html and graphiql.html (which name the current hashes)
 * and anything else are `no-cache` (revalidated each time, ETag/Last-Modified).
 */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map', '.ico', '.wasm', '.xml']);
const MIN_SIZE = 1024;
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8,}\.\w+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';
const ENCODERS: Record<Encoding, { suffix: string; create: () => NodeJS.ReadWriteStream }> = {
  br: {
    suffix: '.br',
    create: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
  },
  gzip: { suffix: '.gz', create: () => createGzip({ level: constants.Z_BEST_COMPRESSION }) },
};

interface ClientFile {
  path: string;
  /** Encoded copies that exist (filled in as the background compression finishes). */
  encoded: Partial<Record<Encoding, string>>;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/** Writes `target` from `source` through `encoder`, via a temporary file (servers starting together may race). */
async function compress(source: string, target: string, encoding: Encoding): Promise<boolean> {
  if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) return true;
  mkdirSync(dirname(target), { recursive: true });
  // One process compresses a file at a time (tests start many servers at once); the others serve it plain.
  const lock = `${target}.lock`;
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { force: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    // Another process is making it: use theirs once it is there.
    while (existsSync(lock) && Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 5 * 60_000) await sleep(200);
    return existsSync(target);
  }
  try {
    const temporary = `${target}.${process.pid}.tmp`;
    await pipeline(createReadStream(source), ENCODERS[encoding].create(), createWriteStream(temporary));
    renameSync(temporary, target);
    return true;
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * The encoding to send: the highest q of Accept-Encoding among those we have (`*` counts for unnamed
 * ones), brotli before gzip when equal (browsers list "gzip, deflate, br" all at q=1); null: plain.
 */
export function preferredEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q) || 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

export interface ClientAssets {
  /** Express middleware: GET/HEAD of a built file (or the page of a client route, `fallback`). */
  serve(request: Request, response: Response, next: NextFunction): void;
  /** Sends one built file (by its URL path, e.g. /index.html), negotiated and with its cache policy. */
  send(urlPath: string, request: Request, response: Response, next: NextFunction): void;
  /** Resolves when this process has made (or found) every .br and .gz it could (tests wait for it). */
  ready: Promise<void>;
}

export function clientAssets(dist: string): ClientAssets {
  const files = new Map<string, ClientFile>();
  const cache = join(dist, '.precompressed');
  const work: Promise<void>[] = [];
  for (const path of listFiles(dist)) {
    const urlPath = `/${relative(dist, path).split(sep).join('/')}`;
    const file: ClientFile = { path, encoded: {} };
    files.set(urlPath, file);
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_SIZE) continue;
    for (const encoding of ['br', 'gzip'] as const) {
      const target = join(cache, `${relative(dist, path)}${ENCODERS[encoding].suffix}`);
      work.push(
        compress(path, target, encoding).then(
          (made) => {
            if (made) file.encoded[encoding] = target;
          },
          (error: unknown) => console.warn(`[client] could not precompress ${urlPath} (${encoding}):`, error),
        ),
      );
    }
  }
  const ready = Promise.all(work).then(() => undefined);

  const send: ClientAssets['send'] = (urlPath, request, response, next) => {
    const file = files.get(urlPath);
    if (!file) return next();
    const available = (['br', 'gzip'] as const).filter((encoding) => file.encoded[encoding]);
    const encoding = preferredEncoding(request.headers['accept-encoding'], available);
    if (COMPRESSIBLE.has(extname(file.path))) response.vary('Accept-Encoding');
    response.type(extname(file.path));
    if (encoding) response.setHeader('Content-Encoding', encoding);
    response.setHeader('Cache-Control', HASHED_ASSET.test(urlPath) ? IMMUTABLE : REVALIDATE);
    response.sendFile(encoding ? file.encoded[encoding]! : file.path, { cacheControl: false, dotfiles: 'allow' }, (error) => {
      if (error && !response.headersSent) next(error);
    });
  };

  return {
    ready,
    send,
    serve(request, response, next) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      send(request.path === '/' ? '/index.html' : request.path, request, response, next);
    },
  };
}
