import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '#domain';
import { ProfitError } from '#guard';

/** Profit's own text for a refused message, kept so that clients and support desks recognise it; the reason follows. */
const MESSAGE_REFUSED = 'Er is een fout opgetreden bij het verzenden en ontvangen van berichten';

/** Room for `messageType`, `reference` and the JSON around the payload when the body is read. */
const ENVELOPE_BYTES = 16 * 1024;

const SentMessage = z.strictObject({
  messageType: z.string().max(64),
  reference: z.string().max(1000),
  payload: z.json().refine((payload) => payload !== undefined, 'is required'),
});

export type SentMessage = z.infer<typeof SentMessage>;

export const messageRefused = (status: number, reason: string, code: string) => new ProfitError(status, `${MESSAGE_REFUSED}: ${reason}`, code);

const payloadTooLarge = (limitBytes: number) =>
  messageRefused(413, `the payload is larger than ${limitBytes / 1024} KiB (MESSAGE_PAYLOAD_LIMIT_KB)`, 'message_payload_too_large');

/**
 * The body of a sent message: JSON whatever its content type says (clients send `text/plain`),
 * read only up to the payload limit plus the envelope, so that a huge body is refused without
 * being held. The payload's own size, as stored, is what the limit is about.
 */
export async function readSentMessage(request: FastifyRequest, limitBytes: number): Promise<SentMessage> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes + ENVELOPE_BYTES) throw payloadTooLarge(limitBytes);
  const text = await readText(request.body, limitBytes + ENVELOPE_BYTES, () => payloadTooLarge(limitBytes));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw messageRefused(400, 'the body is not JSON {"messageType", "reference", "payload"}', 'message_malformed');
  }
  const parsed = SentMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw messageRefused(400, `${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is not valid'}`, 'message_malformed');
  }
  if (Buffer.byteLength(JSON.stringify(parsed.data.payload)) > limitBytes) throw payloadTooLarge(limitBytes);
  return parsed.data;
}

function readText(body: unknown, maxBytes: number, tooLarge: () => ProfitError): Promise<string> {
  if (!(body instanceof Readable)) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      body.off('data', onData).off('end', onEnd).off('error', reject);
      // Paused, not destroyed: the refusal is still answered, and closes the connection (see sendProfitError).
      body.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    body.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

const STATUS_OF_KIND = { invalid: 400, not_found: 404, conflict: 409, rule_violated: 422 } as const;

/** A domain refusal of a message in Profit's shape, with Profit's text and the rule's reason. */
export function asMessageRefusal(error: unknown): unknown {
  return error instanceof DomainError ? messageRefused(STATUS_OF_KIND[error.kind], error.message, error.code) : error;
}
