// The write loads' HTTP client (issue 12). The benches run the load on the same two cores as the server: fetch
// (undici) spent ≈ 1.2 ms of CPU per request there, node:http with kept-alive connections ≈ 0.5 ms, so at 300
// writes a second fetch alone took ≈ a third of a core from the server it measured. App and raw get the same client.
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * POSTs a JSON body; resolves with the status and the parsed JSON answer. A kept-alive connection the server
 * closed as it was reused (its keep-alive timeout: ECONNRESET before any answer) is retried once on a new one,
 * as Node's documentation advises: the server never saw that request.
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const payload = JSON.stringify(body);
  try {
    return await send(url, payload, headers);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return send(url, payload, headers);
    throw error;
  }
}

function send(url: string, payload: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(error);
        }
      });
    });
    outgoing.on('error', (error) => reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket })));
    outgoing.end(payload);
  });
}

/** Closes the kept-alive connections (the bench process can then exit). */
export function closeLoadClient(): void {
  agent.destroy();
}
