import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BodyLimit, declaresMoreThan } from './body-limit.js';

describe('declaresMoreThan', () => {
  it.each([
    [undefined, false],
    ['10', false],
    ['11', true],
    ['not a number', false],
  ])('reads Content-Length %j against a limit of 10 as %s', (contentLength, expected) => {
    expect(declaresMoreThan(contentLength, 10)).toBe(expected);
  });
});

describe('BodyLimit', () => {
  it('passes a body of up to the limit through unchanged', async () => {
    const limited = BodyLimit.around(Readable.from([Buffer.from('hello '), Buffer.from('world')]), 11);
    expect(await text(limited)).toBe('hello world');
    expect(limited.exceeded).toBe(false);
  });

  it('fails with a 413 once the count passes the limit, and says so', async () => {
    const limited = BodyLimit.around(Readable.from([Buffer.from('hello '), Buffer.from('world!')]), 11);
    await expect(text(limited)).rejects.toMatchObject({ code: 'body_too_large', status: 413 });
    expect(limited.exceeded).toBe(true);
  });

  it('fails when the body it reads fails (a client that went away)', async () => {
    const source = new Readable({ read() {} });
    const limited = BodyLimit.around(source, 100);
    source.destroy(new Error('aborted'));
    await expect(text(limited)).rejects.toThrow('aborted');
    expect(limited.exceeded).toBe(false);
  });
});
