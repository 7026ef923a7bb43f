import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '#domain';
import { ProfitError } from '#guard';
import { asMessageRefusal, readSentMessage } from './message-request.js';

const LIMIT = 1024;
const requestOf = (text: string, headers: Record<string, string> = {}) =>
  ({ headers, body: Readable.from([Buffer.from(text)]) }) as unknown as FastifyRequest;
const message = (payload: unknown) => JSON.stringify({ messageType: 'btw-aangifte', reference: 'Q1', payload });
const refusal = async (text: string, headers?: Record<string, string>) => {
  const error = await readSentMessage(requestOf(text, headers), LIMIT).catch((caught: unknown) => caught);
  if (!(error instanceof ProfitError)) throw new Error(`expected a ProfitError, got ${String(error)}`);
  return { status: error.getStatus(), code: error.code, message: error.body.externalMessage };
};

describe('readSentMessage', () => {
  it('reads a message whatever its content type, with any JSON payload', async () => {
    await expect(readSentMessage(requestOf(message({ a: [1, null, 'x'] })), LIMIT)).resolves.toEqual({ messageType: 'btw-aangifte', reference: 'Q1', payload: { a: [1, null, 'x'] } });
    await expect(readSentMessage(requestOf(message(7)), LIMIT)).resolves.toMatchObject({ payload: 7 });
  });

  it('takes a payload of exactly the limit and refuses one byte more with 413', async () => {
    const exactly = 'x'.repeat(LIMIT - 2);
    await expect(readSentMessage(requestOf(message(exactly)), LIMIT)).resolves.toMatchObject({ payload: exactly });
    expect(await refusal(message(`${exactly}x`))).toMatchObject({ status: 413, code: 'message_payload_too_large' });
  });

  it('refuses by Content-Length before reading when the body cannot fit', async () => {
    expect(await refusal(message({}), { 'content-length': String(LIMIT + 16 * 1024 + 1) })).toMatchObject({ status: 413 });
  });

  it.each([
    ['no JSON', 'not json'],
    ['no body', ''],
    ['no reference', JSON.stringify({ messageType: 'btw-aangifte', payload: {} })],
    ['no payload', JSON.stringify({ messageType: 'btw-aangifte', reference: 'Q1' })],
    ['an unknown field', JSON.stringify({ messageType: 'btw-aangifte', reference: 'Q1', payload: {}, to: 'x' })],
    ['a number as type', JSON.stringify({ messageType: 1, reference: 'Q1', payload: {} })],
  ])('refuses %s with 400 and Profit\'s text', async (_, text) => {
    const refused = await refusal(text);
    expect(refused).toMatchObject({ status: 400, code: 'message_malformed' });
    expect(refused.message).toMatch(/^Er is een fout opgetreden bij het verzenden en ontvangen van berichten: /);
  });
});

describe('asMessageRefusal', () => {
  it.each([
    ['invalid', 400],
    ['not_found', 404],
    ['conflict', 409],
    ['rule_violated', 422],
  ] as const)('answers a %s domain error with %i and its reason', (kind, status) => {
    const refused = asMessageRefusal(new DomainError(kind, 'message_type_blocked', 'message type x is blocked'));
    expect(refused).toBeInstanceOf(ProfitError);
    expect((refused as ProfitError).getStatus()).toBe(status);
    expect((refused as ProfitError).body.externalMessage).toBe('Er is een fout opgetreden bij het verzenden en ontvangen van berichten: message type x is blocked');
  });

  it('passes anything else on as it is', () => {
    const error = new Error('store down');
    expect(asMessageRefusal(error)).toBe(error);
  });
});
