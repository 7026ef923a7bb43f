import type { EventMetadata } from '#event-store';
import type { IdempotentExecution } from './idempotent-execution.js';

/** Who asks, and from where: turned into event metadata by the command executor. */
export interface CommandContext {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly sourceIp: string | null;
  /** Set when the actor is a user calling through an app connector's token (the Profit surface). */
  readonly appConnectorId?: string;
  /** The stream version the caller last saw (`If-Match`); a different current version is refused. */
  readonly expectedVersion?: number;
  /** Present when the request carries an Idempotency-Key. */
  readonly idempotency?: IdempotentExecution;
}

export const EVENT_SCHEMA_VERSION = 1;

export function toMetadata(context: CommandContext, time: Date): EventMetadata {
  return {
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    sourceIp: context.sourceIp,
    ...(context.appConnectorId === undefined ? {} : { appConnectorId: context.appConnectorId }),
    time: time.toISOString(),
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}
