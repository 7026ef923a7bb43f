import { upstreamHeaders } from './upstream-headers.js';

const access = { appConnectorId: 'c1', userId: '12345.jdoe', environmentId: '12345' };

describe('upstreamHeaders', () => {
  it('drops the token and forged identity headers, restores the content type, adds who was let through', () => {
    const headers = upstreamHeaders(
      {
        authorization: 'AfasToken abc',
        'content-type': 'application/x-app-connectors-passthrough',
        'x-user-id': 'admin',
        'x-app-connector-id': 'other',
        'x-environment-id': '99999',
        accept: 'application/json',
        'x-request-id': 'r1',
      },
      access,
      'text/plain; charset=utf-8',
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

  it('sends no content type when the client sent none', () => {
    expect(upstreamHeaders({ 'content-type': 'application/x-app-connectors-passthrough' }, access, undefined)).not.toHaveProperty('content-type');
  });
});
