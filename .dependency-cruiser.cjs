/**
 * Folder boundaries of the server, checked by server/src/architecture.test.ts (run by `npm test`) and by
 * `npx depcruise server/src --config .dependency-cruiser.cjs`.
 *
 * - domain/ is the pure core: it imports only domain/ and the shared @jixiao/vocabulary — no ORM, no
 *   GraphQL, no Node I/O (its tests may read fixtures).
 * - a module reaches another module through what that module offers: its services, entities and GraphQL
 *   types/inputs/enums, and the few helpers listed in PUBLIC_HELPERS — never its resolvers or other files.
 * - resolvers are entry points: only graphql/schema.ts assembles them.
 */
const MODULE = '^server/src/modules/([^/]+)/';

/** Files of a module that other modules may import besides services, entities and types (existing; keep short). */
const PUBLIC_HELPERS = [
  'user/access\\.ts', // who may do what: asked by every service
  'user/access\\.types\\.ts',
  'audit/audit-scope\\.ts', // the audit reason of the current mutation
  'audit/plan-import\\.ts',
  'indicator/indicator-reading\\.ts', // an indicator's texts read once, for its gap
  'plan/plan-content\\.ts', // a plan's content, loaded once per request
  'plan/plan-figures\\.store\\.ts', // every write that changes a figure's input stores the figures
  'plan/budget\\.ts', // the budget matrix's rows
  'plan/stage-amounts\\.ts',
];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only domain/ and @jixiao/vocabulary (STYLE.md: a pure core, no ORM/GraphQL/IO)',
      severity: 'error',
      from: { path: '^server/src/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^server/src/domain/', '^vocabulary/'] },
    },
    {
      name: 'modules-through-services',
      comment: 'a module uses another through its services, entities and GraphQL types, not its internals',
      severity: 'error',
      from: { path: MODULE, pathNot: '\\.test\\.ts$' },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: [
          '^server/src/modules/$1/',
          '\\.(service|entity|type|types|input)\\.ts$',
          '-enums\\.ts$',
          ...PUBLIC_HELPERS.map((file) => `^server/src/modules/${file}$`),
        ],
      },
    },
    {
      name: 'resolvers-are-entry-points',
      comment: 'only graphql/schema.ts imports resolvers',
      severity: 'error',
      from: { pathNot: ['^server/src/graphql/schema\\.ts$', '\\.test\\.ts$'] },
      to: { path: '\\.resolver\\.ts$' },
    },
    {
      name: 'server-never-imports-client',
      comment: 'the server stands alone (a test may check the client\'s operations against the schema)',
      severity: 'error',
      from: { path: '^server/', pathNot: '\\.test\\.ts$' },
      to: { path: '^client/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'server/tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
