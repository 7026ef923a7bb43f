import { environmentFromHost } from './profit-environment.js';

describe('environmentFromHost', () => {
  it.each([
    ['12345.rest.afas.online', '12345'],
    ['12345.resttest.afas.online:443', '12345'],
    ['12345.rest.example.com.', '12345'],
    ['O12345AA.rest.example.com', 'O12345AA'],
    ['12345.10.0.0.1.nip.io', '12345'],
    [' 12345.rest.example.com ', '12345'],
  ])('takes the first label of %s', (host, expected) => {
    expect(environmentFromHost(host)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['localhost'],
    ['localhost:3000'],
    ['LOCALHOST'],
    ['app.localhost'],
    ['127.0.0.1'],
    ['127.0.0.1:8080'],
    ['[::1]:3000'],
    ['[2001:db8::1]'],
    ['app-connectors'],
    ['app-connectors:3000'],
    ['my-env.rest.example.com'],
    ['12345.localhost'],
    ['12345.LocalHost.:8080'],
    ['12345.'],
    ['12345..'],
    ['.12345.example.com'],
    ['10.0.0.1'],
    ['10.0.0.1.'],
    [' 12345'],
    ['12345.x.localhost'],
    ['12345.1.2'],
    ['12345.0.0.1.'],
  ])('names no environment for %j', (host) => {
    expect(environmentFromHost(host)).toBeNull();
  });
});
