/** Who projects into a read store now, and until when unless they renew. */
export interface LeaseHolder {
  readonly holder: string;
  /** The read models (names and versions) the holder projects: processes of one release agree on it. */
  readonly models: string;
  /** Milliseconds since the epoch, by the store's clock where it has one. */
  readonly expiresAt: number;
}

/**
 * The one-writer rule of a read store: a process projects only while it holds this lease, renewing
 * it well before it expires; when the holder dies, the lease runs out and another process takes it.
 * The lease lives in the read store itself, so every process that projects into it sees the same one.
 */
export interface ProjectorLease {
  /** Takes or renews the lease for `ttlMs` when it is free, expired or already `holder`'s; false while another holds it. */
  acquire(holder: string, models: string, ttlMs: number): Promise<boolean>;
  /** Lets the lease go at once when `holder` has it (a clean stop), so a waiting process need not wait for expiry. */
  release(holder: string): Promise<void>;
  /** The holder, also one whose lease has expired; null when no process ever held it. */
  current(): Promise<LeaseHolder | null>;
  /** The lease's clock: what `expiresAt` is compared with. */
  now(): Promise<number>;
  close(): Promise<void>;
}

/** Names and versions of the read models, as processes compare them. */
export const modelsSignature = (models: readonly { readonly name: string; readonly version: number }[]) =>
  models.map(({ name, version }) => `${name}@${version}`).join(',');
