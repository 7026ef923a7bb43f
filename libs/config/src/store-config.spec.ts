import { ConfigError, loadStoreConfig } from './store-config.js';

describe('loadStoreConfig', () => {
  it('puts the embedded stores in DATA_DIR', () => {
    const config = loadStoreConfig({ DATA_DIR: '/srv/app-connectors' });
    expect(config).toEqual({
      dataDir: '/srv/app-connectors',
      eventStore: { kind: 'sqlite', file: '/srv/app-connectors/events.sqlite' },
      readStore: { kind: 'sqlite', file: '/srv/app-connectors/read-models.sqlite' },
    });
  });

  it('reads the external stores with their URLs', () => {
    const config = loadStoreConfig({ EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: 'esdb://db:2113', READ_STORE: 'mongodb', MONGODB_URL: 'mongodb://db' });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://db:2113' });
    expect(config.readStore).toEqual({ kind: 'mongodb', url: 'mongodb://db', database: 'app_connectors' });
  });

  it('reads only the store settings: the service\'s others are not its business', () => {
    expect(() => loadStoreConfig({ PORT: 'eighty' })).not.toThrow();
  });

  it.each([
    [{ READ_STORE: 'mongodb' }, 'MONGODB_URL: MONGODB_URL is required when READ_STORE=mongodb'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE'],
    [{ MONGODB_DATABASE: 'a b' }, 'MONGODB_DATABASE'],
  ])('refuses %j naming %s', (env, message) => {
    expect(() => loadStoreConfig(env)).toThrow(ConfigError);
    expect(() => loadStoreConfig(env)).toThrow(message);
  });
});
