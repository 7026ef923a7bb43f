import { loadStoreConfig } from './store-config.js';
import { describeStack, serverHosts } from './stack-description.js';

describe('serverHosts', () => {
  it.each([
    ['esdb://admin:changeit@db1:2113,db2:2113,db3:2113?tls=true&tlsCAFile=/ca.crt', 'esdb://db1:2113,db2:2113,db3:2113'],
    ['esdb+discover://admin:p%40ss@cluster.internal:2113', 'esdb+discover://cluster.internal:2113'],
    ['mongodb://app:s3cr@t@m1:27017,m2:27017/app?replicaSet=rs0&authSource=admin', 'mongodb://m1:27017,m2:27017'],
    ['mongodb+srv://app:secret@cluster0.example.net/?retryWrites=true', 'mongodb+srv://cluster0.example.net'],
    ['esdb://eventstoredb:2113?tls=false', 'esdb://eventstoredb:2113'],
  ])('%s → %s', (url, hosts) => {
    expect(serverHosts(url)).toBe(hosts);
  });

  it('says so for a string it cannot read, rather than echo it', () => {
    expect(serverHosts('admin:secret')).toBe('(unparsable connection string)');
  });
});

describe('describeStack', () => {
  it('names the embedded stack and its data folder', () => {
    const line = describeStack(loadStoreConfig({ DATA_DIR: '/srv/data' }), {});
    expect(line).toBe('embedded stack: SQLite event store and read models in /srv/data');
  });

  it('says when a server URL is set but not used', () => {
    const env = { DATA_DIR: '/srv/data', EVENTSTOREDB_URL: 'esdb://admin:secret@db:2113' };
    const line = describeStack(loadStoreConfig(env), env);
    expect(line).toContain('EVENTSTOREDB_URL set but unused');
    expect(line).not.toContain('secret');
  });

  it('names the servers by host, never with a user or password', () => {
    const env = {
      DATA_DIR: '/srv/data',
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_URL: 'esdb://admin:esdb-password@db1:2113,db2:2113?tls=true',
      READ_STORE: 'mongodb',
      MONGODB_URL: 'mongodb://app:mongo-password@m1:27017/?replicaSet=rs0',
    };
    const line = describeStack(loadStoreConfig(env), env);
    expect(line).toBe('server stack: EventStoreDB at esdb://db1:2113,db2:2113, MongoDB at mongodb://m1:27017 (database app_connectors); local files in /srv/data');
    expect(line).not.toMatch(/password|admin|app:/);
  });
});
