import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Client types from the committed schema/schema.graphql and the documents written with `graphql(...)`
 * beside their features (src/**\/*.graphql.ts, shared fragments in src/graphql/fragments.ts).
 * Offline: the schema is a file, nothing is fetched. `pnpm --filter @jixiao/client codegen` writes
 * src/graphql/generated/; a test (src/graphql/codegen.test.ts) fails when the committed output drifts.
 *
 * Only the generated *types* reach the app: src/graphql/index.ts gives the generated `graphql()`
 * signature (one TypedDocumentNode per document) to a small runtime that parses the document text
 * written at the call site. So each document's text is in the bundle once, as before, and the
 * generated AST constants (documentNode mode) are never imported at run time.
 */
export const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: {
          Decimal: 'string',
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
