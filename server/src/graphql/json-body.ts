import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The largest body /graphql reads: 5 MB (a plan document import). */
export const GRAPHQL_BODY_LIMIT = 5 * 1024 * 1024;

const standard = express.json({ limit: GRAPHQL_BODY_LIMIT });
/** The content types the lean path reads (type-is matches these too); any other goes through express.json. */
const PLAIN_JSON = /^application\/json(?:[ \t]*;[ \t]*charset=(?:utf-8|"utf-8"))?$/i;

/** An error as body-parser gives it to the /graphql error handler (app.ts), which answers from `status` and `type`. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/**
 * The /graphql JSON body (issue 12: body-parser's layers — type-is, content-type, raw-body, iconv-lite,
 * on-finished — were a measurable part of a single-indicator write over HTTP). A request with a plain
 * `application/json` type (charset utf-8 or none), a declared length within the limit and no content encoding
 * is read here as express.json reads it: the bytes as UTF-8 without a byte-order mark, strict (an object or an
 * array), the same error status and type for a body that is not JSON or arrives short; any other request goes
 * through express.json itself, so every case that one decides (charsets, encodings, chunked bodies, the size
 * limit) is decided as before.
 */
export function graphqlJsonBody(request: Request, response: Response, next: NextFunction): void {
  if (!isPlainJsonBody(request)) {
    standard(request, response, next);
    return;
  }
  if (!('body' in (request as object))) (request as { body?: unknown }).body = undefined;
  readPlainJsonBody(request, (error, body) => {
    if (error) return next(error);
    request.body = body;
    next();
  });
}

/** Whether the lean read takes this request: plain JSON, a declared length within the limit, no encoding, not yet read. */
export function isPlainJsonBody(request: IncomingMessage): boolean {
  const headers = request.headers;
  const declared = headers['content-length'];
  const type = headers['content-type'];
  const encoding = headers['content-encoding'];
  return !(
    type === undefined ||
    declared === undefined ||
    headers['transfer-encoding'] !== undefined ||
    (encoding !== undefined && encoding.toLowerCase() !== 'identity') ||
    !/^[1-9]\d{0,6}$/.test(declared) ||
    Number(declared) > GRAPHQL_BODY_LIMIT ||
    !PLAIN_JSON.test(type) ||
    !request.readable ||
    request.readableDidRead
  );
}

/** Reads a body isPlainJsonBody took, as express.json would: the parsed value, or an error as body-parser gives it. */
export function readPlainJsonBody(request: IncomingMessage, done: (error: Error | null, body?: unknown) => void): void {
  const length = Number(request.headers['content-length']);
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  const finish = (error: Error | null, body?: unknown) => {
    if (settled) return;
    settled = true;
    request.off('data', onData);
    request.off('end', onEnd);
    request.off('aborted', onAborted);
    request.off('error', onFailure);
    request.off('close', onClose);
    done(error, body);
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  };
  const onEnd = () => {
    if (received !== length) return finish(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
    let text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length === 0) return finish(null, {});
    const first = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/.exec(text)![1];
    if (first !== '{' && first !== '[') return finish(bodyError(400, 'entity.parse.failed', 'strict violation'));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return finish(bodyError(400, 'entity.parse.failed', (error as Error).message));
    }
    finish(null, body);
  };
  const onAborted = () => finish(bodyError(400, 'request.aborted', 'request aborted'));
  const onFailure = (error: Error) => finish(bodyError(400, 'request.aborted', error.message));
  const onClose = () => {
    if (!request.complete) onAborted();
  };
  request.on('data', onData);
  request.on('end', onEnd);
  request.on('aborted', onAborted);
  request.on('error', onFailure);
  request.on('close', onClose);
}

