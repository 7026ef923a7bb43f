/**
 * Layer rules (STYLE.md): the domain is pure; libraries never reach into apps; no cycles.
 * `#lib` imports (package.json "imports") stay unresolved here, so rules match their names too.
 */
const FRAMEWORKS_AND_ADAPTERS = '^(@nestjs|fastify|@fastify|better-sqlite3|mongodb|@eventstore|pino|rxjs)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports no framework, adapter or other layer.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: ['^libs/(?!domain/)', '^#(?!domain$)', '^apps/', FRAMEWORKS_AND_ADAPTERS, 'node_modules/(@nestjs|fastify|better-sqlite3|mongodb|@eventstore|pino|rxjs)'] },
    },
    {
      name: 'event-store-knows-no-domain',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^libs/(?!event-store/)', '^#', '^apps/'] },
    },
    {
      name: 'application-has-no-framework',
      comment: 'Use cases depend on ports only; Nest stays in apps/.',
      severity: 'error',
      from: { path: '^libs/application/' },
      to: { path: ['^apps/', '^#(read-model|guard)$', 'node_modules/(@nestjs|fastify|better-sqlite3|mongodb|@eventstore)', '^libs/event-store/src/(sqlite|memory|eventstoredb)/'] },
    },
    {
      name: 'read-model-reads-events-only',
      comment: 'Projections know domain events and the event store port, never use cases or the HTTP app.',
      severity: 'error',
      from: { path: '^libs/read-model/' },
      to: { path: ['^#(application|guard)$', '^apps/', '^libs/event-store/src/(sqlite|memory|eventstoredb)/'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles through type-only imports are erased at compile time and allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '\\.int-spec\\.ts$', '/contract/', '/testing/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
