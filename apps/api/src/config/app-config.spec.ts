import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      eventStore: { kind: 'sqlite' },
      readStore: { kind: 'sqlite' },
      readYourWritesTimeoutMs: 5000,
      trustedProxies: [],
      profitBodyLimitBytes: 32 * 1024 * 1024,
    });
    expect(config.eventStore.kind === 'sqlite' && config.eventStore.file).toMatch(/data\/events\.sqlite$/);
  });

  it('reads trusted proxies as a CIDR list', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1' }).trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.1']);
  });

  it('reads the forward-auth key, which needs trusted proxies', () => {
    expect(loadConfig({}).forwardAuthKey).toBeUndefined();
    expect(loadConfig({ FORWARD_AUTH_KEY: 'forward-auth-key-0123', TRUSTED_PROXIES: '10.0.0.1' }).forwardAuthKey).toBe('forward-auth-key-0123');
    expect(() => loadConfig({ FORWARD_AUTH_KEY: 'forward-auth-key-0123' })).toThrow(/FORWARD_AUTH_KEY.*TRUSTED_PROXIES/s);
  });

  it('reads the message payload limit in KiB, 512 by default, and refuses one that is no whole number', () => {
    expect(loadConfig({}).messagePayloadLimitBytes).toBe(512 * 1024);
    expect(loadConfig({ MESSAGE_PAYLOAD_LIMIT_KB: '4' }).messagePayloadLimitBytes).toBe(4 * 1024);
    for (const value of ['0', '1.5', '1e3', 'lots']) expect(() => loadConfig({ MESSAGE_PAYLOAD_LIMIT_KB: value })).toThrow(/MESSAGE_PAYLOAD_LIMIT_KB/);
  });

  it('keeps the idempotency secret in the data folder on the embedded stack, unless a file is named', () => {
    expect(loadConfig({ DATA_DIR: '/srv/data' }).idempotencySecretFile).toBe('/srv/data/idempotency.secret');
    expect(loadConfig({ DATA_DIR: '/srv/data', IDEMPOTENCY_SECRET_FILE: '/etc/app/idempotency.secret' }).idempotencySecretFile).toBe('/etc/app/idempotency.secret');
  });

  it('reads the Profit body limit in MiB', () => {
    expect(loadConfig({ PROFIT_BODY_LIMIT_MB: '5' }).profitBodyLimitBytes).toBe(5 * 1024 * 1024);
  });

  it.each([
    [{ PROFIT_BODY_LIMIT_MB: '0' }, 'PROFIT_BODY_LIMIT_MB'],
    [{ PROFIT_BODY_LIMIT_MB: '1.5' }, 'PROFIT_BODY_LIMIT_MB'],
    [{ PROFIT_BODY_LIMIT_MB: 'lots' }, 'PROFIT_BODY_LIMIT_MB'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ FORWARD_AUTH_KEY: 'short', TRUSTED_PROXIES: '10.0.0.1' }, 'FORWARD_AUTH_KEY'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTOREDB_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUSTED_PROXIES: '10.0.0.0/8,proxy.local' }, 'TRUSTED_PROXIES'],
    [{ READ_YOUR_WRITES_TIMEOUT_MS: '0' }, 'READ_YOUR_WRITES_TIMEOUT_MS'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  describe('one stack: both stores embedded or both on servers', () => {
    const servers = {
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_URL: 'esdb://eventstoredb:2113?tls=false',
      READ_STORE: 'mongodb',
      MONGODB_URL: 'mongodb://mongodb:27017/?replicaSet=rs0',
      IDEMPOTENCY_SECRET_FILE: '/run/secrets/idempotency',
    };

    it('takes the server stack with both URLs and the shared idempotency secret', () => {
      const config = loadConfig(servers);
      expect(config.eventStore).toEqual({ kind: 'eventstoredb', connectionString: servers.EVENTSTOREDB_URL });
      expect(config.readStore).toEqual({ kind: 'mongodb', url: servers.MONGODB_URL, database: 'app_connectors' });
      expect(config.idempotencySecretFile).toBe('/run/secrets/idempotency');
    });

    it('refuses the server stack without IDEMPOTENCY_SECRET_FILE: each instance would key the records with a secret of its own', () => {
      const { IDEMPOTENCY_SECRET_FILE: _, ...withoutSecret } = servers;
      for (const env of [withoutSecret, { ...servers, IDEMPOTENCY_SECRET_FILE: '' }]) {
        expect(() => loadConfig(env)).toThrow(ConfigError);
        expect(() => loadConfig(env)).toThrow(/IDEMPOTENCY_SECRET_FILE: IDEMPOTENCY_SECRET_FILE is required on the server stack/);
      }
    });

    it.each([
      [{ EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: servers.EVENTSTOREDB_URL }, /READ_STORE: .*READ_STORE=mongodb and MONGODB_URL/],
      [{ READ_STORE: 'mongodb', MONGODB_URL: servers.MONGODB_URL }, /EVENT_STORE: .*EVENT_STORE=eventstoredb and EVENTSTOREDB_URL/],
      [{ ...servers, MONGODB_URL: '' }, /MONGODB_URL: MONGODB_URL is required when READ_STORE=mongodb/],
      [{ ...servers, EVENTSTOREDB_URL: undefined }, /EVENTSTOREDB_URL: EVENTSTOREDB_URL is required when EVENT_STORE=eventstoredb/],
    ])('refuses half of it: %j', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });
  });
});
