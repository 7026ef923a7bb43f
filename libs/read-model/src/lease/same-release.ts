import type { ProjectorLease } from './projector-lease.port.js';

/** Another release projects into this read store: its tables are not this one's to read or replace. */
export class OtherReleaseProjectingError extends Error {
  override readonly name = 'OtherReleaseProjectingError';
}

/**
 * A process whose read models differ from those of the live lease holder is refused before it
 * opens the read store: opening would drop and replay the tables of a changed model under the
 * holder, and its queries would read documents of another shape.
 */
export async function requireSameRelease(lease: ProjectorLease, models: string): Promise<void> {
  const current = await lease.current();
  if (!current || current.models === models || current.expiresAt <= (await lease.now())) return;
  const theirs = new Set(current.models.split(','));
  const differing = models.split(',').filter((model) => !theirs.has(model));
  throw new OtherReleaseProjectingError(
    `the read models are projected by ${current.holder}, a process of another release ` +
      `(this one has ${differing.join(', ') || 'fewer read models'}, it has ${current.models}): ` +
      'stop it first (its lease then expires within seconds), or give this release a data folder of its own',
  );
}
