import { type AllStreamSubscription, type EventStoreDBClient, excludeSystemEvents } from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent } from '../event-store.port.js';
import { isSystemEvent, toReadPosition, toRecordedEvent } from './eventstoredb-mapping.js';

/**
 * A `$all` catch-up subscription, which starts strictly after `fromPosition`: exactly our `after`.
 * A drop or a server error ends it with that error rather than resubscribing out of sight: the
 * follower that reads it backs off, resumes after the position its consumer reached, and shows
 * that it is retrying in /health (subscriptions that drop silently are a known failure).
 */
export class EventStoreDbSubscription implements AllSubscription {
  private closed = false;
  private readonly server: AllStreamSubscription;
  private readonly events: AsyncGenerator<RecordedEvent>;

  constructor(
    client: EventStoreDBClient,
    after: number,
    private readonly onClose: (subscription: EventStoreDbSubscription) => void,
  ) {
    this.server = client.subscribeToAll({ fromPosition: toReadPosition(after), filter: excludeSystemEvents() });
    this.events = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    // A stream that failed may refuse to unsubscribe; the failure itself is what the reader gets.
    await this.server.unsubscribe().catch(() => undefined);
    // Ends a `for await` that is waiting on the server, so close() takes effect at once.
    this.server.destroy();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    try {
      for await (const { event } of this.server) {
        // The server filter leaves out `$` types; this adapter's own marker streams go here.
        if (event && !isSystemEvent(event)) yield toRecordedEvent(event);
      }
    } catch (error) {
      if (!this.closed) throw error;
    } finally {
      await this.close();
    }
  }
}
