/**
 * The generated module types its documents with @graphql-typed-document-node/core, which Apollo Client
 * depends on but the client does not list (no new dependency): the same declarations (v3.2.0), so the
 * generated documents are Apollo's TypedDocumentNode.
 */
declare module '@graphql-typed-document-node/core' {
  import type { DocumentNode } from 'graphql';
  export interface DocumentTypeDecoration<TResult, TVariables> {
    __apiType?: (variables: TVariables) => TResult;
  }
  export interface TypedDocumentNode<TResult = { [key: string]: any }, TVariables = { [key: string]: any }> extends DocumentNode, DocumentTypeDecoration<TResult, TVariables> {}
  export type ResultOf<T> = T extends DocumentTypeDecoration<infer ResultType, infer _VariablesType> ? ResultType : never;
  export type VariablesOf<T> = T extends DocumentTypeDecoration<infer _ResultType, infer VariablesType> ? VariablesType : never;
}
