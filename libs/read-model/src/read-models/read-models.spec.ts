import type { RecordedEvent } from '#event-store';
import { appConnectorsReadModel, type AppConnectorDocument } from './app-connectors.read-model.js';
import { communicationReadModel } from './communication.read-model.js';
import { environmentsReadModel } from './environments.read-model.js';
import { messagesReadModel } from './messages.read-model.js';
import { tokensReadModel, type TokenDocument } from './tokens.read-model.js';
import { userGroupsReadModel, type UserGroupDocument } from './user-groups.read-model.js';
import { usersReadModel } from './users.read-model.js';
import { ENV, HASH_LAPTOP, HASH_SERVER, JDOE, OTHER_ENV, WEBSHOP_USER } from './testing/environment-history.js';
import { documentsOf, recordedHistory } from './testing/recorded-history.js';

describe('read models, given the events of two environments', () => {
  let history: RecordedEvent[];
  beforeAll(async () => {
    history = await recordedHistory();
  });
  const streamOf = (streamId: string) => history.filter((event) => event.streamId === streamId);

  it('app connectors: the domain state of each connector, with who created and changed it last and its version', () => {
    const connectors = documentsOf(appConnectorsReadModel, history);
    expect([...connectors.keys()]).toEqual([`${ENV}:c1`, `${ENV}:c2`, `${OTHER_ENV}:c1`, `${OTHER_ENV}:c3`]);
    const webshop = connectors.get(`${ENV}:c1`)!;
    const events = streamOf(`app-connector-${ENV}-c1`);
    expect(webshop).toEqual<AppConnectorDocument>({
      state: {
        environmentId: ENV,
        appConnectorId: 'c1',
        apiKey: '0'.repeat(32),
        description: 'Webshop NL',
        userGroupId: 'g1',
        userGroupCreatedWithConnector: false,
        blocked: false,
        archived: false,
        getConnectors: ['Articles'],
        updateConnectors: ['Orders'],
        specialConnectors: ['Alpha', 'Zeta'],
        ipRestrictions: [{ restrictionId: 'r2', access: 'allow', cidr: '2001:db8::/32', family: 'ipv6' }],
        tokens: [
          { tokenId: 't1', userId: JDOE, description: 'Laptop', tokenHint: '…1234', tokenHash: HASH_LAPTOP, revoked: true, expiresAt: null },
          { tokenId: 't2', userId: WEBSHOP_USER, description: 'Server', tokenHint: '…1234', tokenHash: HASH_SERVER, revoked: false, expiresAt: null },
        ],
        tokenValidityDays: null,
        rateLimit: null,
        pendingOtps: [],
      },
      createdAt: events[0]!.metadata.time,
      createdBy: 'alice',
      updatedAt: events.at(-1)!.metadata.time,
      updatedBy: 'bob',
      version: events.length,
    });
    expect(connectors.get(`${ENV}:c2`)).toMatchObject({ state: { userGroupId: 'g1', description: 'Payroll' }, version: 2 });
  });

  it('app connectors: a change to a connector whose creation is missing (dead-lettered) invents nothing', () => {
    const change = streamOf(`app-connector-${ENV}-c1`)[1]!;
    expect(appConnectorsReadModel.evolve(null, change)).toBeNull();
  });

  it('tokens: one document per token hash, revoked with who and when', () => {
    const tokens = documentsOf(tokensReadModel, history);
    expect([...tokens.keys()]).toEqual([HASH_LAPTOP, HASH_SERVER]);
    const revocation = history.find((event) => event.type === 'TokenRevoked')!;
    expect(tokens.get(HASH_LAPTOP)).toMatchObject<Partial<TokenDocument>>({ tokenId: 't1', status: 'revoked', revokedBy: 'bob', revokedAt: revocation.metadata.time, hint: '…1234' });
    expect(tokens.get(HASH_SERVER)).toMatchObject<Partial<TokenDocument>>({ tokenId: 't2', userId: WEBSHOP_USER, description: 'Server', status: 'live', revokedAt: null });
    expect(JSON.stringify([...tokens.values()])).not.toContain(HASH_LAPTOP);
  });

  it('users: each user with the groups it is in now, membership coming from the group streams', () => {
    const users = documentsOf(usersReadModel, history);
    expect([...users.values()].map(({ userId, kind, email, groupIds }) => ({ userId, kind, email, groupIds }))).toEqual([
      { userId: JDOE, kind: 'person', email: 'jdoe@example.com', groupIds: ['g1'] },
      { userId: WEBSHOP_USER, kind: 'system', email: null, groupIds: ['g1'] },
    ]);
  });

  it('user groups: the domain state of each group (members sorted), its version and who changed it last', () => {
    const groups = documentsOf(userGroupsReadModel, history);
    expect([...groups.values()].map(({ state, version }) => ({ ...state, version }))).toEqual([
      { environmentId: ENV, groupId: 'g1', name: 'Integrations', members: [JDOE, WEBSHOP_USER], deleted: false, version: 3 },
      { environmentId: ENV, groupId: 'g2', name: 'Payroll', members: [], deleted: false, version: 3 },
      { environmentId: OTHER_ENV, groupId: 'g1', name: 'Elsewhere', members: [], deleted: false, version: 1 },
    ]);
    const lastChange = streamOf(`user-group-${ENV}-g2`).at(-1)!;
    expect(groups.get(`${ENV}:g2`)).toMatchObject<Partial<UserGroupDocument>>({ updatedAt: lastChange.metadata.time, updatedBy: 'alice' });
  });

  it('user groups: a renamed group shows its new name, a deleted one leaves the read model', () => {
    const g2 = history.filter((event) => event.streamId === `user-group-${ENV}-g2`);
    const recorded = (type: string, data: object, revision: number) => ({ ...g2.at(-1)!, id: `x${revision}`, type, data: { environmentId: ENV, groupId: 'g2', ...data }, revision, position: 10_000 + revision });
    const renamed = userGroupsReadModel.evolve(documentsOf(userGroupsReadModel, history).get(`${ENV}:g2`)!, recorded('UserGroupRenamed', { name: 'Salaries' }, 3));
    expect(renamed?.state).toMatchObject({ name: 'Salaries', deleted: false });
    expect(userGroupsReadModel.evolve(renamed, recorded('UserGroupDeleted', {}, 4))).toBeNull();
  });

  it('environments: name and who registered it, never the key hash', () => {
    const environments = documentsOf(environmentsReadModel, history);
    expect([...environments.values()]).toEqual([
      { environmentId: ENV, name: `Env ${ENV}`, createdAt: history[0]!.metadata.time, createdBy: 'alice' },
      { environmentId: OTHER_ENV, name: `Env ${OTHER_ENV}`, createdAt: history[1]!.metadata.time, createdBy: 'alice' },
    ]);
  });

  it('communication connectors: one per environment changed, from the blocked message types on', () => {
    const communication = documentsOf(communicationReadModel, history);
    expect([...communication.keys()]).toEqual([ENV]);
    const { state, version } = communication.get(ENV)!;
    expect(version).toBe(streamOf(`communication-${ENV}`).length);
    expect(state.workflows).toEqual([{ workflowId: 'w1', name: 'Aangiften' }, { workflowId: 'w2', name: 'KvK' }]);
    expect(state.messageTypes.map(({ code, blocked, workflowId }) => [code, blocked, workflowId])).toEqual([
      ['btw-aangifte', true, 'w1'],
      ['suppletie-aangifte', true, null],
      ['icp-aangifte', true, null],
      ['kvk-deponering', true, null],
    ]);
  });

  it('messages: each received message with its workflow and status, who sent it and who handled it', () => {
    const messages = documentsOf(messagesReadModel, history);
    expect([...messages.values()].map(({ state, createdBy, updatedBy }) => [state.messageId, state.workflowId, state.status, createdBy, updatedBy])).toEqual([
      ['m1', 'w1', 'handled', WEBSHOP_USER, 'alice'],
      ['m2', 'w1', 'received', WEBSHOP_USER, WEBSHOP_USER],
    ]);
    const handled = streamOf(`message-${ENV}-m2`)[0]!;
    expect(messagesReadModel.evolve(null, { ...handled, type: 'MessageHandled' })).toBeNull();
  });

  it('the history has events of every read model, so each test above folds something', () => {
    for (const model of [appConnectorsReadModel, tokensReadModel, usersReadModel, userGroupsReadModel, environmentsReadModel, communicationReadModel, messagesReadModel]) {
      const read = history.filter((event) => model.handles.has(event.type)).map((event) => event.type);
      expect({ model: model.name, read: read.length > 0 }).toEqual({ model: model.name, read: true });
    }
  });
});
