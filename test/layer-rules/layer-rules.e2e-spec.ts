import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = `${ROOT}.dependency-cruiser.cjs`;
const DEPCRUISE = `${ROOT}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;
const FIXTURE = fileURLToPath(new URL('./fixture/', import.meta.url));

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

/** Packages resolve outside the fixture (`../../../node_modules/zod/…`): named by their package here. */
const shortPath = (path: string) => path.replace(/^(\.\.\/)*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, 'node_modules/$2');

/** The real rules, cruised from the fixture folder so its apps/ and libs/ stand where the real ones do. */
function cruiseFixture(): string[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'apps', 'libs', '--config', CONFIG, '--output-type', 'json'], { cwd: FIXTURE, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`depcruise failed: ${run.stderr}`);
  const { summary } = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${shortPath(v.to)}`).sort();
}

describe('layer rules (.dependency-cruiser.cjs) on test/layer-rules/fixture', () => {
  let violations: string[];
  beforeAll(() => {
    violations = cruiseFixture();
  });

  it('reports each forbidden import of the fixture under its rule, and nothing else', () => {
    expect(violations).toEqual(
      [
        'domain-imports-only-domain: libs/domain/src/domain-imports-only-domain.ts -> libs/application/src/index.ts',
        'domain-imports-only-domain: libs/domain/src/domain-imports-only-domain.ts -> node_modules/zod',
        ...['child_process', 'fs', 'fs/promises', 'http', 'https', 'net', 'worker_threads'].map(
          (core) => `domain-does-no-io: libs/domain/src/domain-does-no-io.ts -> ${core}`,
        ),
        'event-store-stands-alone: libs/event-store/src/event-store-stands-alone.ts -> libs/domain/src/index.ts',
        'event-store-stands-alone: libs/event-store/src/event-store-stands-alone.ts -> node_modules/@nestjs/common',
        'layers-use-the-event-store-port: libs/guard/src/layers-use-the-event-store-port.ts -> libs/event-store/src/sqlite/sqlite-event-store.ts',
        'layers-load-no-event-store-adapter: libs/read-model/src/layers-load-no-event-store-adapter.ts -> libs/event-store/src/index.ts',
        ...[
          'libs/audit/src/index.ts',
          'libs/config/src/index.ts',
          'libs/guard/src/index.ts',
          'libs/read-model/src/index.ts',
          'node_modules/@eventstore/db-client',
          'node_modules/@fastify/static',
          'node_modules/@nestjs/common',
          'node_modules/better-sqlite3',
          'node_modules/fastify',
          'node_modules/mongodb',
        ].map((to) => `application-has-no-framework: libs/application/src/application-has-no-framework.ts -> ${to}`),
        'read-model-reads-events-only: libs/read-model/src/read-model-reads-events-only.ts -> libs/application/src/index.ts',
        'read-model-reads-events-only: libs/read-model/src/read-model-reads-events-only.ts -> libs/guard/src/index.ts',
        'read-model-reads-events-only: libs/read-model/src/read-model-reads-events-only.ts -> node_modules/@nestjs/common',
        'guard-decides-from-events: libs/guard/src/guard-decides-from-events.ts -> libs/application/src/index.ts',
        'guard-decides-from-events: libs/guard/src/guard-decides-from-events.ts -> libs/read-model/src/index.ts',
        'audit-reads-the-event-stream: libs/audit/src/audit-reads-the-event-stream.ts -> libs/guard/src/index.ts',
        'audit-reads-the-event-stream: libs/audit/src/audit-reads-the-event-stream.ts -> libs/read-model/src/index.ts',
        'audit-reads-the-event-stream: libs/audit/src/audit-reads-the-event-stream.ts -> node_modules/@nestjs/common',
        'audit-reads-the-event-stream: libs/audit/src/audit-reads-the-event-stream.ts -> node_modules/fastify',
        'config-stands-alone: libs/config/src/config-stands-alone.ts -> libs/domain/src/index.ts',
        'libs-never-import-apps: libs/config/src/libs-never-import-apps.ts -> apps/api/src/shared.ts',
        'apps-never-import-apps: apps/api/src/apps-never-import-apps.ts -> apps/cli/shared.ts',
        'apps-never-import-apps: apps/cli/apps-never-import-apps.ts -> apps/api/src/shared.ts',
        'no-circular: libs/domain/src/no-circular-a.ts -> libs/domain/src/no-circular-b.ts',
        'no-orphans: libs/domain/src/no-orphans.ts -> libs/domain/src/no-orphans.ts',
      ].sort(),
    );
  });

  it('has a fixture file for every rule, named after it', () => {
    const { forbidden } = createRequire(import.meta.url)(CONFIG) as { forbidden: { name: string }[] };
    const reported = new Set(violations.map((line) => line.slice(0, line.indexOf(':'))));
    for (const { name } of forbidden) {
      expect(reported).toContain(name);
      expect(violations.some((line) => line.startsWith(`${name}: `) && line.includes(`/${name}`))).toBe(true);
    }
  });

  it('reports nothing for files that import only what is allowed (type-only #event-store, ipaddr.js, node:crypto)', () => {
    expect(violations.filter((line) => line.includes('/allowed.ts'))).toEqual([]);
  });
});
