import { clientHeaders, upstreamHeaders } from './upstream-headers.js';

const access = { appConnectorId: 'c1', userId: '12345.jdoe', environmentId: '12345' };

describe('upstreamHeaders', () => {
  it('drops the token, forged identity and hop-by-hop headers, keeps the rest, adds who was let through', () => {
    const headers = upstreamHeaders(
      {
        authorization: 'AfasToken abc',
        'content-type': 'text/plain; charset=utf-8',
        'x-user-id': 'admin',
        'x-app-connector-id': 'other',
        'x-environment-id': '99999',
        accept: 'application/json',
        'x-request-id': 'r1',
        expect: '100-continue',
        'proxy-authorization': 'Basic eA==',
        'x-forwarded-for': '1.2.3.4',
        forwarded: 'for=1.2.3.4',
        'x-real-ip': '1.2.3.4',
        'x-original-url': '/ProfitRestServices/connectors/Secret',
        'x-rewrite-url': '/ProfitRestServices/connectors/Secret',
        'x-http-method-override': 'DELETE',
        'x-method-override': 'DELETE',
        'x-http-method': 'DELETE',
        te: 'trailers',
        upgrade: 'websocket',
      },
      access,
    );
    expect(headers).toEqual({
      accept: 'application/json',
      'x-request-id': 'r1',
      'content-type': 'text/plain; charset=utf-8',
      'x-app-connector-id': 'c1',
      'x-user-id': '12345.jdoe',
      'x-environment-id': '12345',
    });
  });

  it('matches the headers to drop in any case', () => {
    expect(upstreamHeaders({ Authorization: 'AfasToken abc', 'X-User-Id': 'admin' }, access)).toEqual({
      'x-app-connector-id': 'c1',
      'x-user-id': '12345.jdoe',
      'x-environment-id': '12345',
    });
  });
});

describe('clientHeaders', () => {
  it('drops the headers of the hop to the upstream, keeps the answer\'s own', () => {
    expect(clientHeaders({ connection: 'keep-alive', 'Keep-Alive': 'timeout=5', 'content-type': 'application/json', 'x-upstream': 'yes' })).toEqual({
      'content-type': 'application/json',
      'x-upstream': 'yes',
    });
  });
});
