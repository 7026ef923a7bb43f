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
    });
    expect(config.eventStore.kind === 'sqlite' && config.eventStore.file).toMatch(/data\/events\.sqlite$/);
  });

  it('reads trusted proxies as a CIDR list', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1' }).trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.1']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTOREDB_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUSTED_PROXIES: '10.0.0.0/8,proxy.local' }, 'TRUSTED_PROXIES'],
    [{ READ_YOUR_WRITES_TIMEOUT_MS: '0' }, 'READ_YOUR_WRITES_TIMEOUT_MS'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
