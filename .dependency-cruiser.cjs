/**
 * Layer rules. Paths are resolved ones: `#lib` imports (package.json "imports") arrive
 * here as `libs/<lib>/src/index.ts`, packages as `node_modules/<package>/…`. Packages are matched with
 * `(^|/)node_modules/` so that test/layer-rules/fixture, cruised from its own folder, finds them too.
 * Each rule has a file there importing what it forbids (test/layer-rules/layer-rules.e2e-spec.ts).
 */
const NEST = '(^|/)node_modules/@nestjs/';
const ADAPTERS = '^libs/event-store/src/(sqlite|memory|eventstoredb)/';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'Deciders stay pure and portable: ipaddr.js is the one library they use (pure IP parsing); Node core is the next rule.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: ['^libs/domain/', '(^|/)node_modules/ipaddr\\.js/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-does-no-io',
      comment: 'A decision reads nothing and writes nothing: no files, processes, sockets or threads (crypto and util stay allowed).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|child_process|net|http|https|worker_threads)(/|$)' },
    },
    {
      name: 'event-store-stands-alone',
      comment: 'The event store knows events as data: no domain, no other layer, no framework, so any app can embed it.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^libs/(?!event-store/)', '^apps/', NEST] },
    },
    {
      name: 'layers-use-the-event-store-port',
      comment: 'Layers above the store depend on its port; which adapter runs is chosen by an app.',
      severity: 'error',
      from: { path: '^libs/(application|read-model|guard|audit)/' },
      to: { path: ADAPTERS },
    },
    {
      name: 'layers-load-no-event-store-adapter',
      comment: 'libs/event-store/src/index.ts re-exports the adapters (better-sqlite3, the EventStoreDB client): import it for types only, so loading a layer loads no adapter.',
      severity: 'error',
      from: { path: '^libs/(application|read-model|guard|audit)/' },
      to: { path: '^libs/event-store/src/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'application-has-no-framework',
      comment: 'Use cases depend on the domain and ports only; Nest, HTTP and the stores stay in apps and adapters.',
      severity: 'error',
      from: { path: '^libs/application/' },
      to: { path: ['^libs/(read-model|guard|audit|config)/', '^apps/', '(^|/)node_modules/(@nestjs|fastify|@fastify|better-sqlite3|mongodb|@eventstore)/'] },
    },
    {
      name: 'read-model-reads-events-only',
      comment: 'Projections know domain events, the event store port and the audit lib\'s pure descriptions of events, never use cases, the guard or Nest.',
      severity: 'error',
      from: { path: '^libs/read-model/' },
      to: { path: ['^libs/(application|guard|config)/', '^apps/', NEST] },
    },
    {
      name: 'guard-decides-from-events',
      comment: 'The guard builds its index from the event feed: it needs neither use cases nor read models.',
      severity: 'error',
      from: { path: '^libs/guard/' },
      to: { path: ['^libs/(application|read-model|audit|config)/', '^apps/'] },
    },
    {
      name: 'audit-reads-the-event-stream',
      comment: 'Audit views come from the event stream alone (read models may lag), and serve the HTTP app and the CLI alike: no Nest.',
      severity: 'error',
      from: { path: '^libs/audit/' },
      to: { path: ['^libs/(read-model|guard|config)/', NEST, '(^|/)node_modules/fastify/'] },
    },
    {
      name: 'config-stands-alone',
      comment: 'Settings are parsed before anything else is built: the config lib knows no other layer.',
      severity: 'error',
      from: { path: '^libs/config/' },
      to: { path: '^libs/(?!config/)' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Apps compose libraries; code two apps need belongs in a library.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-apps',
      comment: 'Each app builds and runs on its own; what two apps share belongs in a library.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles through type-only imports are erased at compile time and allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead code (entry points import something).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['(^|/)\\.[^/]+\\.(c|m)?js$', '\\.config\\.(c|m)?(js|ts)$', '\\.d\\.ts$', '\\.(spec|int-spec|e2e-spec)\\.ts$', '\\.fixtures?\\.ts$', '(^|/)(test|bench|fixture)/', 'tsconfig.*\\.json$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '\\.int-spec\\.ts$', '/contract/', '/testing/'] },
    tsPreCompilationDeps: true,
    // Resolved from here so that the fixture test can cruise its own folder with these options.
    tsConfig: { fileName: `${__dirname}/tsconfig.json` },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
