import type { AuditFilter } from '#audit';
import type { RecordedEvent } from '#event-store';
import type { ReadStore } from '../read-store.js';
import { InvalidCursorError } from '../queries/page-cursor.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { ENV, HASH_LAPTOP, HASH_SERVER, OTHER_ENV, WEBSHOP_USER } from '../read-models/testing/environment-history.js';
import { recordedHistory } from '../read-models/testing/recorded-history.js';

const now = new Date('2025-06-01T00:00:00.000Z');

/** The audit log's queries, on every read-store adapter: `open` gives a fresh, empty store. */
export function describeAuditLogContract(name: string, open: () => Promise<ReadStore>, dispose: (store: ReadStore) => Promise<void>) {
  describe(`audit log: ${name}`, () => {
    let history: RecordedEvent[];
    let store: ReadStore;
    beforeAll(async () => {
      history = await recordedHistory();
      store = await open();
      await store.project(READ_MODELS.map((model) => ({ model, events: history, checkpoint: 0 })), 'live', now);
    });
    afterAll(() => dispose(store));

    const positions = async (filter: AuditFilter, limit = 1000, after: string | null = null) =>
      (await store.auditEvents(filter, { limit, after })).items.map((entry) => entry.position);
    const positionsOf = (match: (event: RecordedEvent) => boolean) => history.filter(match).map((event) => event.position);

    it('holds one entry per event, in position order, with its metadata and summary and no secret', async () => {
      const { items, nextCursor } = await store.auditEvents({}, { limit: 1000, after: null });
      expect(items.map((entry) => entry.position)).toEqual(history.map((event) => event.position));
      expect(nextCursor).toBeNull();
      const revoked = history.find((event) => event.type === 'TokenRevoked')!;
      expect(items.find((entry) => entry.type === 'TokenRevoked')).toEqual({
        position: revoked.position,
        eventId: revoked.id,
        streamId: revoked.streamId,
        type: 'TokenRevoked',
        time: revoked.metadata.time,
        actor: 'bob',
        sourceIp: '127.0.0.1',
        correlationId: 'c',
        causationId: 'c',
        environmentId: ENV,
        summary: `app connector c1: token t1 of ${ENV}.jdoe revoked`,
      });
      for (const secret of [HASH_LAPTOP, HASH_SERVER, 'f'.repeat(64), 'period']) expect(JSON.stringify(items)).not.toContain(secret);
    });

    it('pages to the end with the cursors it gives, without gaps or repeats', async () => {
      const seen: number[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<ReadStore['auditEvents']>> = await store.auditEvents({ environmentId: ENV }, { limit: 4, after });
        seen.push(...page.items.map((entry) => entry.position));
        after = page.nextCursor;
      } while (after !== null);
      expect(seen).toEqual(positionsOf((event) => event.data['environmentId'] === ENV));
    });

    it('filters by environment, actor, types and time, combined', async () => {
      expect(await positions({ environmentId: OTHER_ENV })).toEqual(positionsOf((event) => event.data['environmentId'] === OTHER_ENV));
      expect(await positions({ actor: 'bob' })).toEqual(positionsOf((event) => event.metadata.actor === 'bob'));
      const tokenTypes = ['TokenRevoked', 'TokenGenerated', 'TokenRevoked'];
      expect(await positions({ types: tokenTypes })).toEqual(positionsOf((event) => tokenTypes.includes(event.type)));
      expect(await positions({ types: tokenTypes, limit: 2 } as AuditFilter, 2)).toEqual(positionsOf((event) => tokenTypes.includes(event.type)).slice(0, 2));
      const from = new Date(history[5]!.metadata.time);
      const to = new Date(history[9]!.metadata.time);
      expect(await positions({ from, to })).toEqual(history.slice(5, 9).map((event) => event.position));
      expect(await positions({ environmentId: ENV, actor: WEBSHOP_USER, types: ['MessageReceived', 'MessageHandled'], from })).toEqual(
        positionsOf((event) => event.type === 'MessageReceived'),
      );
    });

    it('pages a list of types in position order across the types', async () => {
      const types = ['AppConnectorCreated', 'UserGroupCreated'];
      const first = await store.auditEvents({ types }, { limit: 3, after: null });
      const rest = await positions({ types }, 1000, first.nextCursor);
      expect([...first.items.map((entry) => entry.position), ...rest]).toEqual(positionsOf((event) => types.includes(event.type)));
    });

    it('matches nothing for unknown filter values', async () => {
      for (const filter of [{ environmentId: '99999' }, { actor: 'nobody' }, { types: ['NoSuchEvent'] }, { from: now }]) {
        expect(await positions(filter)).toEqual([]);
      }
    });

    it('changes nothing when the same events are applied a second time', async () => {
      const before = await store.auditEvents({}, { limit: 1000, after: null });
      const head = history.at(-1)!.position;
      await store.project(READ_MODELS.map((model) => ({ model, events: history.slice(10), checkpoint: head })), 'live', now);
      expect(await store.auditEvents({}, { limit: 1000, after: null })).toEqual(before);
    });

    it('refuses a cursor it did not give out', async () => {
      for (const after of ['abc', '-1', '1e3', '{"$gt":0}']) {
        await expect(store.auditEvents({}, { limit: 1, after })).rejects.toBeInstanceOf(InvalidCursorError);
      }
    });
  });
}
