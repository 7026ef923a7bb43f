import { setTimeout as sleep } from 'node:timers/promises';
import type { MailMessage, MailTransport } from './mail-transport.js';

export interface MailOutboxStatus {
  readonly sent: number;
  readonly failed: number;
  readonly sending: number;
  /**
   * The last message given up on, if none was sent after it. `error` is the error's code only
   * (`ECONNECTION`): a server's reply may name the recipient, and `/health` answers anyone.
   */
  readonly lastFailure: { readonly at: string; readonly error: string } | null;
}

export interface MailLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Waits before each retry of a failed send. */
const MAIL_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000];

/**
 * Sends in the background, retrying a failed send after each of `retryDelaysMs`, so that an
 * answer never waits for the mail server. Log lines name the recipient's reference and where the
 * message went, never its text (it holds a one-time password).
 */
export class MailOutbox {
  private sent = 0;
  private failed = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private lastFailure: MailOutboxStatus['lastFailure'] = null;
  /** Aborted on close: a retry waiting for its time gives up instead of holding the shutdown. */
  private readonly closing = new AbortController();

  constructor(
    private readonly transport: MailTransport,
    private readonly log: MailLog,
    private readonly retryDelaysMs: readonly number[] = MAIL_RETRY_DELAYS_MS,
  ) {}

  /** `reference` names the message in the log (an event's request id), since the text may not be logged. */
  enqueue(message: MailMessage, reference: string): void {
    if (this.closing.signal.aborted) return;
    const sending = this.deliver(message, reference).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  status(): MailOutboxStatus {
    return { sent: this.sent, failed: this.failed, sending: this.inFlight.size, lastFailure: this.lastFailure };
  }

  /** Resolves when every message handed over so far is sent or given up on. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.drain();
    this.transport.close();
  }

  private async deliver(message: MailMessage, reference: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const where = await this.transport.send(message);
        this.sent += 1;
        this.lastFailure = null;
        this.log.info({ context: 'mail', reference, where }, 'e-mail sent');
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        const reason = (error as Error).message;
        if (delay === undefined || this.closing.signal.aborted) {
          this.failed += 1;
          this.lastFailure = { at: new Date().toISOString(), error: String((error as { code?: unknown }).code ?? (error as Error).name) };
          this.log.error({ context: 'mail', reference, attempts: attempt + 1, err: reason }, 'e-mail could not be sent; given up');
          return;
        }
        this.log.warn({ context: 'mail', reference, attempt: attempt + 1, retryInMs: delay, err: reason }, 'e-mail not sent; retrying');
        await sleep(delay, undefined, { signal: this.closing.signal, ref: false }).catch(() => undefined);
      }
    }
  }
}
