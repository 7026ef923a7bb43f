import { Worker } from 'node:worker_threads';

/** Runs `wal-checkpoint.worker.mjs` on a read-model file until closed; never keeps the process alive. */
export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = 250) {
    this.worker = new Worker(new URL('./wal-checkpoint.worker.mjs', import.meta.url), { workerData: { file, intervalMs } });
    this.worker.unref();
    // A checkpoint that fails (disk full) is retried by the next round; the writer's own writes report the disk.
    this.worker.on('error', () => undefined);
  }

  async close(): Promise<void> {
    // Held while it finishes, or a process with nothing else to do would exit before the worker did.
    this.worker.ref();
    const exited = new Promise<void>((done) => this.worker.once('exit', () => done()));
    this.worker.postMessage('close');
    await exited;
  }
}
