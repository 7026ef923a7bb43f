import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { type AppendOptions, type AppendResult, WrongExpectedRevisionError } from '../event-store.port.js';
import type { AppendOutcome, AppendRequest, GroupCommitted, WriterMessage } from './sqlite-writer.protocol.js';

interface Pending {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: Error) => void;
}

/** An append the writer thread could not do; `code` is SQLite's (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY`, …). */
export class SqliteAppendError extends Error {
  override readonly name = 'SqliteAppendError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * The caller's side of the writer thread. The thread starts with the first append, so a store that
 * only reads never starts one; it keeps the process alive only while appends are in flight.
 */
export class SqliteWriter {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    /** Called once per group commit, after its appends were resolved. */
    private readonly committed: () => void,
  ) {}

  append(streamId: string, rows: AppendRequest['rows'], { expectedRevision, marker }: AppendOptions): Promise<AppendResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    const request: AppendRequest = { id: this.nextId++, streamId, expected: expectedRevision, rows, marker };
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      this.send({ kind: 'append', request });
    });
  }

  async close(): Promise<void> {
    this.stopped ??= new Error('the event store is closed');
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    this.port!.postMessage({ kind: 'close' } satisfies WriterMessage);
    await exited;
  }

  private send(message: WriterMessage): void {
    const port = this.port ?? this.start();
    if (this.pending.size === 1) this.worker!.ref();
    port.postMessage(message);
  }

  private start(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), {
      workerData: { file: this.file, busyTimeoutMs: this.busyTimeoutMs, port: port2 },
      transferList: [port2],
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', () => this.stop(new Error('the SQLite writer thread stopped')));
    port1.on('message', (group: GroupCommitted) => this.settle(group.outcomes));
    // The port, not the worker, keeps the process alive while an answer is awaited: `ref` and
    // `unref` on the worker follow the pending appends.
    port1.unref();
    this.port = port1;
    return port1;
  }

  private settle(outcomes: readonly AppendOutcome[]): void {
    for (const outcome of outcomes) {
      const pending = this.pending.get(outcome.id);
      if (!pending) continue;
      this.pending.delete(outcome.id);
      if (outcome.kind === 'written') pending.resolve({ nextExpectedRevision: outcome.nextExpectedRevision, position: outcome.position });
      else if (outcome.kind === 'conflict') pending.reject(new WrongExpectedRevisionError(pending.request.streamId, pending.request.expected, outcome.actual));
      else pending.reject(new SqliteAppendError(outcome.message, outcome.code));
    }
    // While closing, `close` holds the worker until it exited.
    if (this.pending.size === 0 && !this.stopped) this.worker?.unref();
    this.committed();
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
  }
}
