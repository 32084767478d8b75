/**
 * How a workbook travels: read from disk with FileReader (progress per chunk), then POSTed to /graphql
 * with XMLHttpRequest, whose upload events Apollo's fetch link cannot give. Both are asynchronous: the page
 * never waits on a 2 MB file. The session cookie goes with the request as with every other one.
 */
import { print } from '@apollo/client/utilities';
import type { TypedDocumentNode } from '@apollo/client';

/** A GraphQL reply as sent over HTTP. */
export interface GraphQLReply<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface WorkbookTransport {
  /** The file as a data: URL (base64), reporting the fraction read. */
  read(file: Blob, onProgress: (fraction: number | null) => void): Promise<string>;
  /** The operation POSTed to /graphql, reporting the fraction uploaded; resolves when the reply is in. */
  send<T, V>(document: TypedDocumentNode<T, V>, variables: V, onUpload: (fraction: number | null) => void): Promise<GraphQLReply<T>>;
  /** A file GET with the session, reporting the fraction downloaded; refused (not 200) → Error with the server's message. */
  download(url: string, onProgress: (fraction: number | null) => void): Promise<{ blob: Blob; filename: string | null }>;
}

/** The file name a Content-Disposition header gives (RFC 5987 filename* first). */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

export const browserTransport: WorkbookTransport = {
  read(file, onProgress) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(file);
    });
  },
  send(document, variables, onUpload) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', '/graphql');
      request.setRequestHeader('content-type', 'application/json');
      request.withCredentials = true;
      request.upload.onprogress = (event) => onUpload(event.lengthComputable ? event.loaded / event.total : null);
      request.upload.onload = () => onUpload(1);
      request.onload = () => {
        try {
          resolve(JSON.parse(request.responseText));
        } catch {
          reject(new Error(`HTTP ${request.status}`));
        }
      };
      request.onerror = () => reject(new Error('network'));
      request.send(JSON.stringify({ query: print(document), variables }));
    });
  },
  download(url, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('GET', url);
      request.responseType = 'blob';
      request.withCredentials = true;
      request.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
      request.onload = async () => {
        if (request.status === 200) {
          resolve({ blob: request.response as Blob, filename: dispositionFilename(request.getResponseHeader('content-disposition')) });
          return;
        }
        // The route answers refusals as GraphQL-style JSON: { errors: [{ message }] }.
        let message = `HTTP ${request.status}`;
        try {
          message = (JSON.parse(await (request.response as Blob).text()) as GraphQLReply<unknown>).errors?.[0]?.message ?? message;
        } catch {
          // not JSON
        }
        reject(new Error(message));
      };
      request.onerror = () => reject(new Error('network'));
      request.send();
    });
  },
};
