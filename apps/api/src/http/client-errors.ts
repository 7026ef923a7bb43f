import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { ProfitError } from '#guard';
import { isProfitUrl } from '../profit/profit-url.js';
import { problem } from './problem.js';

type ClientError = Error & { readonly code?: string; readonly rawPacket?: unknown };

const ANSWERS: Record<string, { readonly status: number; readonly code: string; readonly detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', detail: 'the request was not received in time (REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS)' },
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', detail: 'the request headers are too large' },
};
const NOT_HTTP = { status: 400, code: 'bad_request', detail: 'the request is not valid HTTP/1.1' };

/**
 * Fastify's `clientErrorHandler`: Node's HTTP server gave up on a connection (a request too slow,
 * headers too large, bytes that are not HTTP). Answered in the shape of the surface the request was
 * meant for, when nothing of another answer was sent yet, and the connection closed.
 */
export function clientErrorHandler(logger: FastifyBaseLogger) {
  return (error: ClientError, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // Node's own link from a socket to the answer in progress (what its default handler checks too).
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const { status, code, detail } = (error.code !== undefined && ANSWERS[error.code]) || NOT_HTTP;
      const url = inFlight?.req?.url ?? requestTarget(error.rawPacket);
      const answer = isProfitUrl(url) ? profitAnswer(status, code, detail, logger) : { type: 'application/problem+json', body: JSON.stringify(problem(status, code, detail)) };
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: ${answer.type}\r\n` +
          `Content-Length: ${Buffer.byteLength(answer.body)}\r\n\r\n${answer.body}`,
      );
    }
    socket.destroy(error);
  };
}

function profitAnswer(status: number, code: string, detail: string, logger: FastifyBaseLogger) {
  const error = new ProfitError(status, `${detail[0]?.toUpperCase()}${detail.slice(1)}`, code);
  logger.info({ code, profitLogReference: error.body.profitLogReference }, 'profit call refused');
  return { type: 'application/json; charset=utf-8', body: JSON.stringify(error.body) };
}

/** The request target of a request line that could not be parsed, to tell which surface it was for. */
function requestTarget(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  return rawPacket.toString('latin1').split('\r\n', 1)[0]?.split(' ')[1];
}
