import type { RecordedEvent } from '#event-store';
import type { ReadTransaction } from '../store/read-store.port.js';
import type { Projection } from '../projection/projection.js';
import { evolveDocument, type PositionedDocument } from '../projection/positioned-document.js';

/** Test projections over the sample events of `sample-events.ts`; not domain code. */
interface ThingDocument extends PositionedDocument {
  readonly name: string;
  readonly group: string;
  readonly renames: number;
}

interface TypeCountDocument extends PositionedDocument {
  readonly count: number;
}

/** `poisonUntilFixed.fixed = true` plays the deployed bug fix in the dead-letter tests. */
export interface PoisonSwitch {
  fixed: boolean;
}

export function thingsProjection(poison: PoisonSwitch = { fixed: false }): Projection {
  return {
    name: 'things',
    version: 1,
    collections: [{ name: 'things', indexes: [['group', 'name']] }],
    handles: (type) => type.startsWith('Thing'),
    async apply(event: RecordedEvent, tx: ReadTransaction) {
      if (event.data['poison'] === true && !poison.fixed) throw new Error(`poison event ${event.id}`);
      const data = event.data as { name?: string; group?: string };
      await evolveDocument<ThingDocument>(tx, 'things', event.streamId, event, (current) => {
        switch (event.type) {
          case 'ThingCreated':
            return { _id: event.streamId, name: data.name!, group: data.group!, renames: 0 };
          case 'ThingRenamed':
            return current ? { ...current, name: data.name!, renames: current.renames + 1 } : 'unchanged';
          case 'ThingDeleted':
            return 'delete';
          default:
            return 'unchanged';
        }
      });
    },
  };
}

/** Counts events by type: not idempotent by nature, so it shows whether a replay double-counts. */
export function typeCountsProjection(): Projection {
  return {
    name: 'type_counts',
    version: 1,
    collections: [{ name: 'type_counts', indexes: [] }],
    handles: () => true,
    async apply(event, tx) {
      await evolveDocument<TypeCountDocument>(tx, 'type_counts', event.type, event, (current) => ({
        _id: event.type,
        count: (current?.count ?? 0) + 1,
      }));
    },
  };
}
