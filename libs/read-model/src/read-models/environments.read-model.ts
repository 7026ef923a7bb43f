import { eventTypes, type EnvironmentEvent, type EnvironmentRegistered } from '#domain';
import type { ReadModel } from '../read-model.js';

/** One customer environment, for the environment list of the dashboards (its key hash stays in the event store). */
export interface EnvironmentDocument {
  readonly environmentId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** A rotated key changes nothing the list shows. */
const TYPES = eventTypes<EnvironmentEvent['type']>({ EnvironmentRegistered: true, EnvironmentKeyRotated: false });

const environmentEvent = (event: unknown) => event as EnvironmentRegistered;

export const environmentsReadModel: ReadModel<EnvironmentDocument> = {
  name: 'environments',
  version: 2,
  handles: TYPES,
  documentId: (event) => environmentEvent(event).data.environmentId,
  evolve(_document, recorded) {
    const { environmentId, name } = environmentEvent(recorded).data;
    return { environmentId, name, createdAt: recorded.metadata.time, createdBy: recorded.metadata.actor };
  },
};
