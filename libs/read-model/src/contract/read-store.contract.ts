import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import type { ReadStore } from '../read-store.js';
import { CheckpointConflictError, DeadLetterRetryError } from '../engine/projection-store.port.js';
import { InvalidCursorError } from '../queries/page-cursor.js';
import { describeAuditLogContract } from './audit-log.contract.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { ENV, HASH_LAPTOP, JDOE, OTHER_ENV, WEBSHOP_USER } from '../read-models/testing/environment-history.js';
import { recordedHistory } from '../read-models/testing/recorded-history.js';

type OpenStore = (models?: readonly ReadModel[]) => Promise<ReadStore>;

const now = new Date('2025-06-01T00:00:00.000Z');
const sharesOf = (events: readonly RecordedEvent[], checkpoint = 0, models = READ_MODELS) => models.map((model) => ({ model, events, checkpoint }));
const all = { limit: 100, after: null };

/** What every read-store adapter must do; `open` gives a fresh, empty store each time (reopening the same one when `reopen` is passed). */
export function describeReadStoreContract(name: string, open: OpenStore, reopen: (store: ReadStore, models: readonly ReadModel[]) => Promise<ReadStore>, dispose: (store: ReadStore) => Promise<void>) {
  describe(`read store contract: ${name}`, () => {
    let history: RecordedEvent[];
    let store: ReadStore;
    beforeAll(async () => {
      history = await recordedHistory();
    });
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => dispose(store));

    const head = () => history.at(-1)!.position;
    const projectAll = () => store.project(sharesOf(history), 'live', now);

    it('answers every query from one projected batch, each environment apart', async () => {
      await projectAll();
      expect(await store.checkpoint('app_connectors')).toBe(head());
      expect(await store.environment(ENV)).toMatchObject({ environmentId: ENV, name: `Env ${ENV}` });
      expect(await store.environment('99999')).toBeNull();
      expect((await store.appConnector(ENV, 'c1'))?.state).toMatchObject({ description: 'Webshop NL', getConnectors: ['Articles'] });
      expect((await store.appConnector(OTHER_ENV, 'c2'))).toBeNull();
      expect((await store.tokens(ENV, 'c1')).map(({ tokenId, status }) => [tokenId, status])).toEqual([['t1', 'revoked'], ['t2', 'live']]);
      expect((await store.users(ENV, all)).items.map(({ userId, groupIds }) => [userId, groupIds])).toEqual([[JDOE, ['g1']], [WEBSHOP_USER, ['g1']]]);
      expect((await store.userGroup(ENV, 'g1'))?.state.members).toEqual([JDOE, WEBSHOP_USER]);
      expect((await store.userGroups(OTHER_ENV, all)).items.map(({ state }) => state.groupId)).toEqual(['g1']);
    });

    it('filters app connectors by blocked, user group and any-case text, in creation order', async () => {
      await projectAll();
      const ids = async (filter: Parameters<ReadStore['appConnectors']>[1]) => (await store.appConnectors(ENV, filter, all)).items.map(({ state }) => state.appConnectorId);
      expect(await ids({})).toEqual(['c1', 'c2']);
      expect(await ids({ blocked: true })).toEqual(['c2']);
      expect(await ids({ blocked: false, userGroupId: 'g1' })).toEqual(['c1']);
      expect(await ids({ text: 'roll' })).toEqual(['c2']);
      expect(await ids({ text: 'WEBSHOP nl' })).toEqual(['c1']);
      expect(await ids({ text: 'x%' })).toEqual([]);
      expect(await ids({ userGroupId: 'g2' })).toEqual([]);
    });

    it('lists deleted app connectors only when asked for them', async () => {
      await projectAll();
      const ids = async (archived: boolean) => (await store.appConnectors(OTHER_ENV, { archived }, all)).items.map(({ state }) => state.appConnectorId);
      expect(await ids(false)).toEqual(['c1']);
      expect(await ids(true)).toEqual(['c3']);
      expect((await store.appConnector(OTHER_ENV, 'c3'))?.state.archived).toBe(true);
    });

    it('keeps communication connectors and workflow inboxes', async () => {
      await projectAll();
      const communication = await store.communication(ENV);
      expect(communication?.state.workflows.map(({ workflowId }) => workflowId)).toEqual(['w1', 'w2']);
      expect(communication?.state.messageTypes.find((type) => type.code === 'btw-aangifte')).toMatchObject({ blocked: true, workflowId: 'w1' });
      expect(await store.communication(OTHER_ENV)).toBeNull();
      expect((await store.message(ENV, 'm1'))?.state).toMatchObject({ status: 'handled', reference: 'Q1', payload: { period: 'Q1' } });
      expect(await store.message(OTHER_ENV, 'm1')).toBeNull();
      const inbox = async (workflowId: string, limit = 100, after: string | null = null) => store.workflowMessages(ENV, workflowId, { limit, after });
      expect((await inbox('w1')).items.map(({ state }) => [state.messageId, state.status])).toEqual([['m1', 'handled'], ['m2', 'received']]);
      const first = await inbox('w1', 1);
      expect((await inbox('w1', 1, first.nextCursor)).items.map(({ state }) => state.messageId)).toEqual(['m2']);
      expect((await inbox('w2')).items).toEqual([]);
      expect((await store.workflowMessages(OTHER_ENV, 'w1', all)).items).toEqual([]);
    });

    it('pages through a list with the cursors it gives, and refuses any other cursor', async () => {
      await projectAll();
      const first = await store.environments({ limit: 1, after: null });
      const second = await store.environments({ limit: 1, after: first.nextCursor });
      expect([...first.items, ...second.items].map(({ environmentId }) => environmentId)).toEqual([ENV, OTHER_ENV]);
      expect(second.nextCursor).toBeNull();
      const crafted = Buffer.from(JSON.stringify(['createdAt', 'asc', { $gt: '' }, 'x'])).toString('base64url');
      for (const after of ['not-base64-json', crafted]) {
        await expect(store.users(ENV, { limit: 1, after })).rejects.toBeInstanceOf(InvalidCursorError);
      }
    });

    it('changes nothing when the same events are applied a second time', async () => {
      await projectAll();
      const everything = async () =>
        Promise.all([ENV, OTHER_ENV].map(async (environmentId) => ({
          connectors: (await store.appConnectors(environmentId, {}, all)).items,
          tokens: await store.tokens(environmentId, 'c1'),
          users: (await store.users(environmentId, all)).items,
          groups: (await store.userGroups(environmentId, all)).items,
          environment: await store.environment(environmentId),
          communication: await store.communication(environmentId),
          inbox: (await store.workflowMessages(environmentId, 'w1', all)).items,
        })));
      const before = await everything();
      // Without the creations, which would start each document afresh: the changes meet documents that already have them.
      const changes = history.filter((event) => !/Created|Registered/.test(event.type));
      expect(await store.project(sharesOf(changes, head()), 'live', now)).toEqual({ deadLetters: 0 });
      expect(await everything()).toEqual(before);
    });

    it('commits nothing when a checkpoint moved under it', async () => {
      await store.project(sharesOf(history.slice(0, 3)), 'live', now);
      await expect(store.project(sharesOf(history.slice(3), 0), 'live', now)).rejects.toBeInstanceOf(CheckpointConflictError);
      expect(await store.checkpoint('users')).toBe(history[2]!.position);
      expect((await store.users(ENV, all)).items.map((user) => user.userId)).toEqual([JDOE]);
    });

    it('dead-letters an event a read model throws on, goes on past it, and keeps the letter when a retry fails again', async () => {
      const last = history.at(-1)!;
      const poison = { ...last, id: 'poison', position: head() + 1, revision: 1, streamId: `app-connector-${ENV}-c1`, type: 'GetConnectorsGranted', data: { environmentId: ENV, appConnectorId: 'c1', names: 5 } };
      expect(await store.project(sharesOf([...history, poison]), 'live', now)).toEqual({ deadLetters: 1 });
      const [letter] = await store.listDeadLetters();
      expect(letter).toMatchObject({ projection: 'app_connectors', position: poison.position, eventId: 'poison', type: 'GetConnectorsGranted', at: now.toISOString() });
      expect(await store.getDeadLetter(letter!.id)).toEqual(letter);
      expect(await store.getDeadLetter('1234567')).toBeNull();
      expect(await store.checkpoint('app_connectors')).toBe(poison.position);
      expect((await store.appConnector(ENV, 'c1'))?.state.getConnectors).toEqual(['Articles']);
      const appConnectors = READ_MODELS.find((model) => model.name === 'app_connectors')!;
      await expect(store.retryDeadLetter(letter!, appConnectors, poison, now)).rejects.toBeInstanceOf(DeadLetterRetryError);
      expect(await store.listDeadLetters()).toHaveLength(1);
      // Once the bug is fixed (here: the event as it should have been), the retry folds it in and removes the letter.
      await store.retryDeadLetter(letter!, appConnectors, { ...poison, data: { ...poison.data, names: ['Fixed'] } }, now);
      expect(await store.listDeadLetters()).toEqual([]);
      expect((await store.appConnector(ENV, 'c1'))?.state.getConnectors).toEqual(['Articles', 'Fixed']);
    });

    it('rebuilds beside the live read models and switches readers, checkpoints and dead letters in one step', async () => {
      await store.project(sharesOf(history.slice(0, 5)), 'live', now);
      const generation = await store.generation();
      await store.startRebuild(READ_MODELS);
      await store.project(sharesOf(history), 'rebuild', now);
      const groupsOfUsers = async () => (await store.users(ENV, all)).items.map((user) => user.groupIds);
      expect(await groupsOfUsers()).toEqual([[], []]);
      expect(await store.checkpoint('users')).toBe(history[4]!.position);
      expect(await store.finishRebuild(READ_MODELS)).toBe(generation + 1);
      expect(await store.generation()).toBe(generation + 1);
      expect(await store.checkpoint('users')).toBe(head());
      expect(await store.checkpoint('users', 'rebuild')).toBe(0);
      expect(await groupsOfUsers()).toEqual([['g1'], ['g1']]);
    });

    it('leaves the live read models as they were when a rebuild is abandoned', async () => {
      await projectAll();
      await store.startRebuild(READ_MODELS);
      await store.project(sharesOf(history.slice(0, 2)), 'rebuild', now);
      await store.abandonRebuild(READ_MODELS);
      expect(await store.checkpoint('tokens')).toBe(head());
      expect((await store.tokens(ENV, 'c1')).map((token) => token.tokenId)).toEqual(['t1', 't2']);
      expect(JSON.stringify(await store.tokens(ENV, 'c1'))).not.toContain(HASH_LAPTOP);
    });

    it('drops a read model whose version changed, so that it is replayed from the start', async () => {
      await projectAll();
      const bumped = READ_MODELS.map((model) => (model.name === 'users' ? { ...model, version: model.version + 1 } : model));
      store = await reopen(store, bumped);
      expect(await store.checkpoint('users')).toBe(0);
      expect((await store.users(ENV, all)).items).toEqual([]);
      expect(await store.checkpoint('tokens')).toBe(head());
    });
  });
  describeAuditLogContract(name, () => open(), dispose);
}
