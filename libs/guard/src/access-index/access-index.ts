import type { EventStore, RecordedEvent } from '#event-store';
// The follower's own entry: `#event-store` would load the store adapters with it.
import { EventFollower } from '#event-follower';
import { AccessState, type AccessLookup } from './access-state.js';
import type { IndexedConnector } from './indexed-connector.js';
import type { IndexedToken } from './indexed-token.js';

export interface AccessIndexOptions {
  /**
   * Pause before following the store again after a failure, doubling from `initial` up to `max`;
   * default 100 ms to 1 s, short because a revocation written meanwhile waits for it.
   */
  readonly retryDelayMs?: { readonly initial: number; readonly max: number };
  /** Where failures go (the store or its subscription failing, an event that could not be applied). */
  readonly onError?: (message: string, error: unknown) => void;
}

interface AccessIndexStatus {
  readonly state: EventFollower['state'];
  readonly position: number;
  readonly lastError: EventFollower['lastError'];
}

/**
 * The access read model kept current by following `$all` from its own position. An event that
 * fails to apply is reported and skipped, not retried forever, so one bad event cannot freeze
 * revocations behind it.
 */
export class AccessIndex implements AccessLookup {
  private readonly state = new AccessState();
  private readonly follower: EventFollower;
  private readonly onError: (message: string, error: unknown) => void;

  constructor(
    private readonly store: Pick<EventStore, 'headPosition' | 'readAll' | 'subscribeToAll'>,
    options: AccessIndexOptions = {},
  ) {
    this.onError = options.onError ?? ((message, error) => console.error(message, error));
    this.follower = new EventFollower({
      eventStore: store,
      resumeAfter: () => this.state.position,
      handle: (batch) => this.applyAll(batch),
      // A batch is applied in one turn of the event loop, and guarded requests wait for that turn's end.
      maxBatchSize: 500,
      retryDelayMs: options.retryDelayMs ?? { initial: 100, max: 1000 },
      onError: (message, error) => this.onError(`access index: ${message}`, error),
    });
  }

  /** Resolves once every event written before the call is applied. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.follower.state !== 'stopped') throw new Error('the access index is already started');
    const head = await this.store.headPosition();
    await this.follower.start();
    if (!(await this.follower.waitForPosition(head, timeoutMs))) {
      await this.stop();
      throw new Error(`the access index did not catch up with position ${head} within ${timeoutMs} ms`);
    }
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  position(): number {
    return this.state.position;
  }

  /** Whether the index follows the store; `retrying` while it backs off after the store or its subscription failed. */
  status(): AccessIndexStatus {
    return { state: this.follower.state, position: this.state.position, lastError: this.follower.lastError };
  }

  /** True once the event at `position` (or later) is applied; false when `timeoutMs` passed first. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    return this.follower.waitForPosition(position, timeoutMs);
  }

  hasEnvironment(environmentId: string): boolean {
    return this.state.hasEnvironment(environmentId);
  }

  tokenByHash(tokenHash: string): IndexedToken | undefined {
    return this.state.tokenByHash(tokenHash);
  }

  connector(environmentId: string, appConnectorId: string): IndexedConnector | undefined {
    return this.state.connector(environmentId, appConnectorId);
  }

  connectorIdByApiKey(environmentId: string, apiKey: string): string | undefined {
    return this.state.connectorIdByApiKey(environmentId, apiKey);
  }

  isMember(environmentId: string, groupId: string, userId: string): boolean {
    return this.state.isMember(environmentId, groupId, userId);
  }

  isDeactivated(userId: string): boolean {
    return this.state.isDeactivated(userId);
  }

  private applyAll(batch: readonly RecordedEvent[]): void {
    for (const event of batch) {
      try {
        this.state.apply(event);
      } catch (error) {
        this.onError(`access index: skipped event ${event.type} at position ${event.position}`, error);
      }
    }
  }
}
