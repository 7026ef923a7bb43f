import type { FastifyRequest } from 'fastify';
import type { AccessGranted } from '#guard';

/**
 * What the Profit surface asks of the communication connector, for a call the guard allowed. Both
 * throw a `ProfitError` for a refusal (Profit's shape), never anything else for a client's mistake.
 */
export interface ProfitMessages {
  /** Reads the request body itself (the Profit surface never parses one) and stores the message once. */
  send(request: FastifyRequest, access: AccessGranted): Promise<{ readonly id: string }>;
  /** The status of a message this connector sent. */
  status(access: AccessGranted, messageId: string): Promise<object>;
}

export const PROFIT_MESSAGES = Symbol('PROFIT_MESSAGES');
