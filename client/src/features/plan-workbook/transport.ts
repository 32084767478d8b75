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
};
