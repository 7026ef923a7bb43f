import type { CollectionSpec, ReadDocument, ReadStore } from '../read-store.port.js';

export interface Connector extends ReadDocument {
  readonly environmentId: string;
  readonly name?: string | null;
  readonly status: 'blocked' | 'active';
  readonly owner?: { readonly group: string };
  readonly rank?: number;
}

export const CONNECTORS: CollectionSpec = {
  name: 'connectors',
  indexes: [['environmentId', 'name'], ['status'], ['owner.group']],
};

export const AUDIT: CollectionSpec = { name: 'audit', indexes: [] };

export type StoreFactory = () => Promise<ReadStore>;
export type StoreDestroyer = (store: ReadStore) => Promise<void>;

export function connector(id: string, fields: Partial<Omit<Connector, '_id'>> = {}): Connector {
  return { _id: id, environmentId: 'env-1', status: 'blocked', name: `name ${id}`, ...fields };
}

export async function putAll(store: ReadStore, documents: readonly Connector[], generation?: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (const document of documents) await tx.put(CONNECTORS.name, document);
  }, { generation });
}

export const ids = (documents: readonly ReadDocument[]): string[] => documents.map((document) => document._id);

/** Lets the other callers of the event loop run: interleaving would show up if serialisation failed. */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
