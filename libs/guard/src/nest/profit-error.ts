import { HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

/** Profit's error body. `errorNumber`'s values are not published; -1 marks an error of this service. */
export interface ProfitErrorBody {
  readonly externalMessage: string;
  readonly errorNumber: number;
  readonly profitLogReference: string;
}

export const PROFIT_ERROR_NUMBER = -1;

/**
 * An answer in Profit's error shape. The log reference is a fresh UUID that the log line about the
 * same request carries too, so a support desk can find the line from what the client shows.
 */
export class ProfitError extends HttpException {
  readonly body: ProfitErrorBody;

  constructor(
    status: number,
    externalMessage: string,
    /** Names the reason in logs; never sent to the client. */
    readonly code: string,
    profitLogReference: string = randomUUID(),
    /** Sent as Retry-After (a 429 of the rate limit). */
    readonly retryAfterSeconds?: number,
  ) {
    const body = { externalMessage, errorNumber: PROFIT_ERROR_NUMBER, profitLogReference };
    super(body, status);
    this.body = body;
  }
}
