import { ENV, OTHER_ENV } from '../testing/environment-history.js';
import { projectHistory, type ProjectedHistory } from '../testing/project-history.js';
import { APP_CONNECTORS, type AppConnectorDocument } from './app-connector.document.js';
import { appConnectorsProjection } from './app-connectors.projection.js';

describe('app connectors read model (SQLite)', () => {
  let history: ProjectedHistory;
  beforeAll(async () => {
    history = await projectHistory(appConnectorsProjection());
  });
  afterAll(() => history.close());
  const connectors = () => history.all<AppConnectorDocument>(APP_CONNECTORS);

  it('folds every kind of change into one document per connector and environment', async () => {
    const webshop = await history.store.get<AppConnectorDocument>(APP_CONNECTORS, `${ENV}:c1`);
    const streamEvents = history.events.filter((event) => event.streamId === `app-connector-${ENV}-c1`);
    expect(webshop).toEqual({
      _id: `${ENV}:c1`,
      id: 'c1',
      environmentId: ENV,
      apiKey: '0'.repeat(32),
      description: 'Webshop NL',
      blocked: false,
      userGroupId: 'g1',
      getConnectors: ['Articles'],
      updateConnectors: ['Orders'],
      specialConnectors: ['Alpha', 'Zeta'],
      ipRestrictions: [{ id: 'r2', access: 'allow', cidr: '2001:db8::/32', family: 'ipv6' }],
      accessMode: 'allow',
      tokenCount: 1,
      createdAt: streamEvents[0]!.metadata.time,
      createdBy: 'alice',
      updatedAt: streamEvents.at(-1)!.metadata.time,
      updatedBy: 'bob',
      version: streamEvents.length,
      lastPosition: streamEvents.at(-1)!.position,
    });
  });

  it('keeps connectors with the same id in different environments apart', async () => {
    expect((await connectors()).map((doc) => [doc._id, doc.description, doc.version])).toEqual([
      [`${ENV}:c1`, 'Webshop NL', 14],
      [`${ENV}:c2`, 'Payroll', 2],
      [`${OTHER_ENV}:c1`, 'Webshop', 1],
    ]);
  });

  it('lists by environment with the declared filters, order and search', async () => {
    const { store } = history;
    const page = await store.find<AppConnectorDocument>(APP_CONNECTORS, {
      where: { environmentId: ENV, blocked: true, userGroupId: 'g1' },
      orderBy: { field: 'createdAt' },
      search: { field: 'description', text: 'ROLL' },
    });
    expect(page.items.map((doc) => doc.id)).toEqual(['c2']);
  });

  it('changes nothing when every event is applied a second time', async () => {
    const before = await connectors();
    await history.replay();
    expect(await connectors()).toEqual(before);
  });
});
