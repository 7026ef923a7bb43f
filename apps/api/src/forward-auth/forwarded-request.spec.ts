import type { IncomingHttpHeaders } from 'node:http';
import { ProfitError } from '#guard';
import { readForwardedRequest } from './forwarded-request.js';

const traefik = (method: string, uri: string, host = '12345.rest.example.com'): IncomingHttpHeaders => ({
  'x-forwarded-method': method,
  'x-forwarded-uri': uri,
  'x-forwarded-host': host,
});
const nginx = (method: string, uri: string, host = '12345.rest.example.com'): IncomingHttpHeaders => ({
  'x-original-method': method,
  'x-original-uri': uri,
  'x-forwarded-host': host,
});

/** The code and status of the `ProfitError` reading throws. */
function refusal(headers: IncomingHttpHeaders) {
  try {
    readForwardedRequest(headers);
  } catch (error) {
    if (error instanceof ProfitError) return { status: error.getStatus(), code: error.code };
    throw error;
  }
  throw new Error('read without refusal');
}

describe('readForwardedRequest', () => {
  it.each([
    ['Traefik', traefik],
    ['nginx', nginx],
  ])('reads the %s headers as the Profit surface reads the call', (_, form) => {
    expect(readForwardedRequest(form('GET', '/ProfitRestServices/connectors/Profit_Article?skip=0&take=10'))).toEqual({
      environmentId: '12345',
      call: { endpoint: 'forward', connector: { kind: 'get', name: 'Profit_Article' } },
      serviceSegments: ['ProfitRestServices', 'connectors', 'Profit_Article'],
    });
    expect(readForwardedRequest(form('POST', '/profitrestservices/Connectors/KnSubject')).call.connector).toEqual({ kind: 'update', name: 'KnSubject' });
    expect(readForwardedRequest(form('GET', '/ProfitRestServices/metainfo')).call.connector).toEqual({ kind: 'metainfo' });
  });

  it('takes the environment from a path prefix before the host', () => {
    const target = readForwardedRequest(traefik('GET', '/67890/ProfitRestServices/connectors/Profit_Article', 'gateway.example.com'));
    expect(target.environmentId).toBe('67890');
    expect(target.serviceSegments).toEqual(['ProfitRestServices', 'connectors', 'Profit_Article']);
    expect(readForwardedRequest(traefik('GET', '/67890/ProfitRestServices/MetaInfo')).environmentId).toBe('67890');
  });

  it('decides on the decoded segments', () => {
    expect(readForwardedRequest(traefik('GET', '/ProfitRestServices/connectors/Profit%5FArticle')).call.connector).toEqual({ kind: 'get', name: 'Profit_Article' });
  });

  it('accepts the same method and URI sent in both forms', () => {
    const both = { ...traefik('GET', '/ProfitRestServices/MetaInfo'), ...nginx('GET', '/ProfitRestServices/MetaInfo') };
    expect(readForwardedRequest(both).call.connector).toEqual({ kind: 'metainfo' });
  });

  it.each([
    ['no method', { 'x-forwarded-uri': '/ProfitRestServices/MetaInfo', 'x-forwarded-host': '12345.rest.example.com' }, 400, 'forwarded_method_invalid'],
    ['a method no Profit route serves', traefik('PROPFIND', '/ProfitRestServices/MetaInfo'), 400, 'forwarded_method_invalid'],
    ['a method in lower case', traefik('get', '/ProfitRestServices/MetaInfo'), 400, 'forwarded_method_invalid'],
    ['two methods in one header', traefik('GET, POST', '/ProfitRestServices/MetaInfo'), 400, 'forwarded_method_invalid'],
    ['no URI', { 'x-forwarded-method': 'GET', 'x-forwarded-host': '12345.rest.example.com' }, 400, 'forwarded_uri_missing'],
    ['an empty URI', traefik('GET', ''), 400, 'forwarded_uri_missing'],
    ['an absolute URI', traefik('GET', 'http://12345.rest.example.com/ProfitRestServices/MetaInfo'), 400, 'path_not_canonical'],
    ['a dot segment', traefik('GET', '/ProfitRestServices/connectors/../MetaInfo'), 400, 'path_not_canonical'],
    ['an encoded slash', traefik('GET', '/ProfitRestServices/connectors/Profit%2FArticle'), 400, 'path_not_canonical'],
    ['a backslash', nginx('GET', '/ProfitRestServices\\connectors\\Profit_Article'), 400, 'path_not_canonical'],
    ['different methods in the two forms', { ...traefik('GET', '/ProfitRestServices/MetaInfo'), 'x-original-method': 'POST' }, 400, 'forwarded_request_ambiguous'],
    ['different URIs in the two forms', { ...traefik('GET', '/ProfitRestServices/MetaInfo'), 'x-original-uri': '/ProfitRestServices/connectors/X' }, 400, 'forwarded_request_ambiguous'],
    ['no environment in host or path', traefik('GET', '/ProfitRestServices/MetaInfo', 'localhost:8080'), 404, 'environment_unknown'],
    ['no host and no prefix', { 'x-forwarded-method': 'GET', 'x-forwarded-uri': '/ProfitRestServices/MetaInfo' }, 404, 'environment_unknown'],
    ['a path outside ProfitRestServices', traefik('GET', '/admin/secrets'), 404, 'endpoint_unknown'],
    ['an endpoint the Profit surface does not serve', traefik('DELETE', '/ProfitRestServices/MetaInfo'), 404, 'endpoint_unknown'],
  ])('refuses %s', (_, headers, status, code) => {
    expect(refusal(headers)).toEqual({ status, code });
  });
});
