import { join } from 'node:path';
import { createReadStore, type ReadStore } from '#read-model';
import { registerEnvironment } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { connectorStory } from './support/connector-story.js';
import { runCli } from './support/run-cli.js';

const SUMMARY = /^rebuilt .+: (\d+) events in [\d.]+ s \(\d+ events\/s\), generation (\d+), position (\d+), 0 dead letter\(s\)$/m;

/** The rebuild CLI from dist/, run beside the in-process service on the same data folder. */
describe('projections:rebuild CLI (node dist/apps/cli/projections-rebuild.js)', () => {
  let app: TestApp;
  let readStore: ReadStore;
  beforeAll(async () => {
    app = await startTestApp();
    for (let i = 0; i < 3; i++) await connectorStory(app.admin());
    readStore = await createReadStore({ kind: 'sqlite', file: join(app.dataDir, 'read-models.sqlite') });
  });
  afterAll(async () => {
    await readStore.close();
    await app.close();
  });

  /** Waits until the service's projection runner has applied everything appended so far. */
  async function serviceCaughtUp(): Promise<void> {
    const head = await app.headPosition();
    for (let attempt = 0; attempt < 100; attempt++) {
      const health = await app.anonymous().get('/health');
      if (health.body.details?.projections?.position >= head) return;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`the service's projections did not reach position ${head}`);
  }

  /** Every read model through the store's own queries, as the query API reads them. */
  const snapshot = async () => {
    const all = { limit: 1000, after: null };
    const environments = (await readStore.environments(all)).items;
    const perEnvironment = await Promise.all(
      environments.map(async ({ environmentId }) => {
        const connectors = (await readStore.appConnectors(environmentId, {}, all)).items;
        const tokens = await Promise.all(connectors.map(({ state }) => readStore.tokens(environmentId, state.appConnectorId)));
        return { connectors, tokens, users: (await readStore.users(environmentId, all)).items, groups: (await readStore.userGroups(environmentId, all)).items };
      }),
    );
    return { environments, perEnvironment };
  };

  it('rebuilds into a new generation that equals the live read models, and the service keeps projecting', async () => {
    await serviceCaughtUp();
    const before = await snapshot();
    const generationBefore = await readStore.generation();
    expect(before.perEnvironment.flatMap((env) => env.tokens.flat()).length).toBeGreaterThan(0);

    const run = await runCli('projections-rebuild', [], { DATA_DIR: app.dataDir });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const [, events, generation, position] = SUMMARY.exec(run.stdout)!;
    expect(Number(events)).toBe(await app.headPosition());
    expect(Number(position)).toBe(await app.headPosition());
    expect(Number(generation)).toBeGreaterThan(generationBefore);
    expect(await readStore.generation()).toBe(Number(generation));
    expect(await snapshot()).toEqual(before);

    const { environmentId } = await registerEnvironment(app.admin());
    await serviceCaughtUp();
    expect(await readStore.environment(environmentId)).toMatchObject({ environmentId });

    // The switch under the running service is no failure: nothing on /health, no stack in the log.
    const health = await app.anonymous().get('/health').expect(200);
    expect(health.body.details.projections).toMatchObject({ status: 'up', lastError: null });
    expect(app.logs()).not.toMatch(/Error[^"]*\\n\s+at /);
  });

  it('explains itself with --help and refuses bad arguments with code 1', async () => {
    expect((await runCli('projections-rebuild', ['--help'], {})).stdout).toContain('npm run projections:rebuild');
    const refused = await runCli('projections-rebuild', ['--batch-size', '0'], { DATA_DIR: app.dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--batch-size');
  });
});
