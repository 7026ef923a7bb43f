import { IpRules, type IndexedConnector } from '#guard';
import { metaInfoJson } from './profit-metainfo.js';

const connector = (revision: number): IndexedConnector => ({
  environmentId: '12345',
  appConnectorId: 'c1',
  description: 'Webshop "NL"',
  blocked: false,
  archived: false,
  userGroupId: 'g1',
  getConnectors: ['Profit_Article', 'Profit_Debtor'],
  updateConnectors: ['KnSubject'],
  specialConnectors: [],
  ipRules: new IpRules([]),
  rateLimit: null,
  revision,
});

describe('metaInfoJson', () => {
  it("answers the connector's grants and info with the token's expiry, or null", () => {
    const shop = connector(1);
    const info = { envid: '12345', appName: 'Webshop "NL"', group: 'g1' };
    expect(JSON.parse(metaInfoJson(shop, null))).toEqual({
      updateConnectors: [{ id: 'KnSubject', description: 'KnSubject' }],
      getConnectors: [
        { id: 'Profit_Article', description: 'Profit_Article' },
        { id: 'Profit_Debtor', description: 'Profit_Debtor' },
      ],
      info: { ...info, tokenExpiry: null },
    });
    expect(JSON.parse(metaInfoJson(shop, '2026-12-31T23:00:00.000Z')).info).toEqual({ ...info, tokenExpiry: '2026-12-31T23:00:00.000Z' });
    expect(JSON.parse(metaInfoJson(shop, null)).info.tokenExpiry).toBeNull();
  });
});
