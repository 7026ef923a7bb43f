import { randomUUID } from 'node:crypto';
import type { AllSubscription, EventMetadata, EventStore, NewEvent, RecordedEvent } from '../event-store.port.js';

/** Streams are unique per test so the suite can run against a shared, non-empty server. */
export const uniqueStream = (name: string): string => `contract_${name}-${randomUUID()}`;

const metadata = (): EventMetadata => ({
  actor: 'user:contract',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  sourceIp: '203.0.113.7',
  time: '2025-01-02T03:04:05.678Z',
  schemaVersion: 1,
});

export const newEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => ({ type, data, metadata: metadata() });

export const inStream = (stream: string) => (event: RecordedEvent) => event.streamId === stream;

/** The store of the running test; each test gets a fresh one. */
export type StoreRef = () => EventStore;

/**
 * Iterates until `count` accepted events arrived, calling `onEach` after each (which may append).
 * Gives up after `timeoutMs` by closing the subscription and returns what did arrive, so a
 * missing event fails the caller's expectation with a readable diff instead of a jest timeout.
 */
export async function collect(
  subscription: AllSubscription,
  count: number,
  accept: (event: RecordedEvent) => boolean,
  onEach: (received: readonly RecordedEvent[]) => Promise<unknown> = async () => undefined,
  timeoutMs = 5000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const event of subscription) {
      if (!accept(event)) continue;
      received.push(event);
      await onEach(received);
      if (received.length === count) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return received;
}

/** Pulls from an iterator until it ends or `timeoutMs` passes; says which happened. */
export async function drain(
  iterator: AsyncIterator<RecordedEvent>,
  timeoutMs = 2000,
): Promise<{ readonly ended: boolean; readonly events: RecordedEvent[] }> {
  const events: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), 'timeout');
    });
    const next = await Promise.race([iterator.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout') return { ended: false, events };
    if (next.done) return { ended: true, events };
    events.push(next.value);
  }
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, but the promise resolved');
    },
    (error: unknown) => error,
  );
}
