import type { Collection } from 'mongodb';
import { META_ID, type MetaDocument } from './read-models-meta.js';

/** How long a reader trusts the live collection names it read; a switch waits longer than this before dropping the old ones. */
export const LIVE_NAMES_MAX_AGE_MS = 1000;

/**
 * The live collection of each read model, as the meta document names it. Read at most once a
 * second rather than before every query, and again whenever this process reads the document
 * anyway (checkpoints, switches): a switch by another process is seen within a second.
 */
export class LiveCollections {
  private cached: { readonly readAt: number; readonly names: Promise<Readonly<Record<string, string>>> } | undefined;

  constructor(private readonly meta: Collection<MetaDocument>) {}

  async nameOf(model: string): Promise<string> {
    if (!this.cached || Date.now() - this.cached.readAt > LIVE_NAMES_MAX_AGE_MS) this.cached = this.read();
    const name = (await this.cached.names)[model];
    if (name === undefined) throw new Error(`read model ${model} has no live collection: open the store with it`);
    return name;
  }

  /** Takes the names from a meta document just read. */
  remember(meta: MetaDocument | null): void {
    this.cached = { readAt: Date.now(), names: Promise.resolve(namesOf(meta)) };
  }

  private read() {
    const entry = { readAt: Date.now(), names: this.meta.findOne({ _id: META_ID }).then(namesOf) };
    // A failed read is not kept: the next query reads again.
    entry.names.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return entry;
  }
}

const namesOf = (meta: MetaDocument | null) => Object.fromEntries(Object.entries(meta?.live ?? {}).map(([model, state]) => [model, state.collection]));
