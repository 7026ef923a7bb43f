import { ENVIRONMENT_EVENT_TYPES, type EnvironmentEvent } from '#domain';
import type { ReadModel } from '../read-model.js';

/** One customer environment, for the environment list of the dashboards (its key hash stays in the event store). */
export interface EnvironmentDocument {
  readonly environmentId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

const environmentEvent = (event: unknown) => event as EnvironmentEvent;

export const environmentsReadModel: ReadModel<EnvironmentDocument> = {
  name: 'environments',
  version: 2,
  handles: ENVIRONMENT_EVENT_TYPES,
  documentId: (event) => environmentEvent(event).data.environmentId,
  evolve(_document, recorded) {
    const { environmentId, name } = environmentEvent(recorded).data;
    return { environmentId, name, createdAt: recorded.metadata.time, createdBy: recorded.metadata.actor };
  },
};
