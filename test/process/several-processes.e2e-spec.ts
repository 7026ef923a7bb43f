import { mkdtempSync, rmSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hostOf, readyConnector, type ReadyConnector } from '../guard/support/profit-fixtures.js';
import type { AdminClient } from '../support/test-app.js';
import { pollUntilChanged, requireBuild, startApi, startProjector, type ApiProcess, type RunningProcess } from './support/processes.js';

/** Generous: how soon another instance sees a change is measured in bench/cross-instance.bench.mjs. */
const SEEN_WITHIN_MS = 10_000;

interface Stack {
  readonly name: string;
  /** The stores' settings of the processes on one data folder. */
  readonly env: (dataDir: string) => Record<string, string>;
  /** Removes what the processes on that folder left on the servers. */
  readonly cleanUp: (dataDir: string) => Promise<void>;
}

function describeSeveralProcesses(stack: Stack) {
  describe(`two API instances with PROJECTIONS=off and one projector on one data folder, ${stack.name} (dist/)`, () => {
    let dataDir: string;
    let projector: RunningProcess;
    let a: ApiProcess;
    let b: ApiProcess;
    beforeAll(async () => {
      requireBuild();
      dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-processes-'));
      [projector, a, b] = await Promise.all([
        startProjector({ ...stack.env(dataDir), DATA_DIR: dataDir }),
        startApi({ ...stack.env(dataDir), DATA_DIR: dataDir, PROJECTIONS: 'off' }),
        startApi({ ...stack.env(dataDir), DATA_DIR: dataDir, PROJECTIONS: 'off' }),
      ]);
    }, 30_000);
    afterAll(async () => {
      await Promise.all([projector, a, b].map((process) => process?.kill('SIGTERM')));
      await stack.cleanUp(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    });

    const metaInfoStatus = async (instance: ApiProcess, ready: ReadyConnector) =>
      (await instance.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization)).status;

    it('the projector holds the lease; the instances project nothing and say so', async () => {
      expect(projector.output()).toContain('projector lease taken: projecting');
      for (const instance of [a, b]) {
        const status = await instance.admin().get('/api/v1/projections').expect(200);
        expect(status.body).toMatchObject({ state: 'observing', role: 'off', lease: { live: true } });
        expect(status.body.lease.holder).toContain(`:${projector.child.pid}:`);
        expect(instance.output()).not.toContain('projector lease');
      }
    });

    it('reads on one instance what a command on the other wrote, with its position', async () => {
      const ready = await readyConnector(a.admin());
      for (const [writer, reader] of [[a, b], [b, a]] as const) {
        const description = `Shop via ${writer.url}`;
        const changed = await writer.admin().put(`${ready.base}/description`).send({ description }).expect(200);
        const read = await reader.admin().get(`${ready.base}?minPosition=${changed.body.position}`).expect(200);
        expect(read.body).toMatchObject({ description, version: changed.body.version });
        expect(Number(read.headers['x-projection-position'])).toBeGreaterThanOrEqual(changed.body.position);
      }
    });

    it.each([
      ['a revoked token', 401, (admin: AdminClient, r: ReadyConnector) => admin.delete(`${r.base}/tokens/${r.tokenId}`).expect(200)],
      ['a blocked connector', 403, (admin: AdminClient, r: ReadyConnector) => admin.post(`${r.base}/block`).expect(200)],
      [
        'a removed group member',
        401,
        (admin: AdminClient, r: ReadyConnector) =>
          admin.delete(`/api/v1/environments/${r.environmentId}/user-groups/${r.groupId}/members/${r.userId}`).expect(200),
      ],
    ])('%s, changed on instance A, is refused by instance B (%i)', async (_, refusal, change) => {
      const ready = await readyConnector(a.admin());
      expect(await pollUntilChanged(() => metaInfoStatus(b, ready), 401, SEEN_WITHIN_MS)).toBe(200);
      await change(a.admin(), ready);
      expect(await pollUntilChanged(() => metaInfoStatus(b, ready), 200, SEEN_WITHIN_MS)).toBe(refusal);
      expect(await metaInfoStatus(a, ready)).toBe(refusal);
    });

    it('replays on instance B the answer instance A gave to an Idempotency-Key, appending nothing', async () => {
      const ready = await readyConnector(a.admin());
      const key = `processes-${Date.now()}`;
      const body = { userId: ready.userId, description: 'desktop' };
      const first = await a.admin().post(`${ready.base}/tokens`).set('Idempotency-Key', key).send(body).expect(201);
      const head = (await b.anonymous().get('/health').expect(200)).body.details.eventStore.headPosition;
      const again = await b.admin().post(`${ready.base}/tokens`).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await a.anonymous().get('/health').expect(200)).body.details.eventStore.headPosition).toBe(head);
      const tokens = await b.admin().get(`${ready.base}/tokens?minPosition=${head}`).expect(200);
      expect(tokens.body.items.filter((token: { description: string }) => token.description === 'desktop')).toHaveLength(1);
    });
  });

  describe(`the projector lease across processes, ${stack.name} (dist/)`, () => {
    let dataDir: string;
    const running: RunningProcess[] = [];
    beforeEach(() => {
      requireBuild();
      dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-lease-'));
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map((process) => process.kill('SIGTERM')));
      await stack.cleanUp(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    });
    const started = <T extends RunningProcess>(process: T) => {
      running.push(process);
      return process;
    };

    it('a second projector waits, takes over when the first is killed (kill -9), and catches up', async () => {
      const first = started(await startProjector({ ...stack.env(dataDir), DATA_DIR: dataDir }));
      await first.printed(/projector lease taken/);
      const api = started(await startApi({ ...stack.env(dataDir), DATA_DIR: dataDir, PROJECTIONS: 'off', READ_YOUR_WRITES_TIMEOUT_MS: '30000' }));
      const second = started(await startProjector({ ...stack.env(dataDir), DATA_DIR: dataDir }));
      expect(second.output()).toContain('standing by');
      const ready = await readyConnector(api.admin());

      await first.kill('SIGKILL');
      const changed = await api.admin().put(`${ready.base}/description`).send({ description: 'after the takeover' }).expect(200);
      const read = await api.admin().get(`${ready.base}?minPosition=${changed.body.position}`).expect(200);
      expect(read.body).toMatchObject({ description: 'after the takeover', version: changed.body.version });
      expect(second.output()).toContain('projector lease taken: projecting');
      const status = await api.admin().get('/api/v1/projections').expect(200);
      expect(status.body.lease).toMatchObject({ live: true });
      expect(status.body.lease.holder).toContain(`:${second.child.pid}:`);
    }, 60_000);

    it('of two default instances on one folder one projects, the other stands by and takes over when it stops', async () => {
      const one = started(await startApi({ ...stack.env(dataDir), DATA_DIR: dataDir }));
      const other = started(await startApi({ ...stack.env(dataDir), DATA_DIR: dataDir }));
      const roleOf = async (instance: ApiProcess) => (await instance.admin().get('/api/v1/projections').expect(200)).body.role as string;
      expect([await roleOf(one), await roleOf(other)]).toEqual(['projecting', 'standby']);

      await one.kill('SIGTERM');
      expect(await pollUntilChanged(() => roleOf(other), 'standby', 20_000)).toBe('projecting');
      const ready = await readyConnector(other.admin());
      const changed = await other.admin().put(`${ready.base}/description`).send({ description: 'projected by the other' }).expect(200);
      await other.admin().get(`${ready.base}?minPosition=${changed.body.position}`).expect(200);
    }, 60_000);
  });
}

describeSeveralProcesses({ name: 'embedded stores', env: () => ({}), cleanUp: async () => undefined });

const eventStoreDbUrl = process.env['EVENTSTOREDB_URL'];
const mongodbUrl = process.env['MONGODB_URL'];
if (eventStoreDbUrl && mongodbUrl) {
  describeSeveralProcesses({
    name: 'EventStoreDB and MongoDB',
    // One database per data folder: the processes of one test share it, and no other test sees it.
    env: (dataDir) => ({
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_URL: eventStoreDbUrl,
      READ_STORE: 'mongodb',
      MONGODB_URL: mongodbUrl,
      MONGODB_DATABASE: basename(dataDir),
      IDEMPOTENCY_SECRET_FILE: join(dataDir, 'idempotency.secret'),
    }),
    cleanUp: async (dataDir) => {
      const client = await MongoClient.connect(mongodbUrl);
      await client.db(basename(dataDir)).dropDatabase();
      await client.close();
    },
  });
} else {
  // Straight to stdout, as the adapters' contract suites do.
  process.stdout.write('several processes on EventStoreDB and MongoDB skipped: EVENTSTOREDB_URL and MONGODB_URL not both set\n');
}
