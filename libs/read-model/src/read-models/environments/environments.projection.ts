import type { EnvironmentEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import { evolveDocument, type PositionedDocument } from '../../projection/positioned-document.js';
import type { Projection } from '../../projection/projection.js';

export const ENVIRONMENTS = 'environments';

/** One document per customer environment, for the environment list of the dashboards. */
export interface EnvironmentDocument extends PositionedDocument {
  readonly environmentId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export function environmentsProjection(): Projection {
  return {
    name: 'environments',
    version: 1,
    collections: [{ name: ENVIRONMENTS, indexes: [['environmentId']] }],
    handles: (type) => type === 'EnvironmentRegistered',
    async apply(event: RecordedEvent, tx) {
      const { data } = event as unknown as EnvironmentEvent;
      await evolveDocument<EnvironmentDocument>(tx, ENVIRONMENTS, data.environmentId, event, () => ({
        _id: data.environmentId,
        environmentId: data.environmentId,
        name: data.name,
        createdAt: event.metadata.time,
        createdBy: event.metadata.actor,
      }));
    },
  };
}
