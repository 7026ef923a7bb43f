import { COMMUNICATION_EVENT_TYPES, evolveCommunication, initialCommunicationState, type CommunicationEvent, type CommunicationState } from '#domain';
import type { ReadModel } from '../read-model.js';
import { stampAfter, type ChangeStamp } from './change-stamp.js';

/** An environment's communication connector (message types, workflows), once an administrator changed it. */
export interface CommunicationDocument extends ChangeStamp {
  readonly environmentId: string;
  readonly state: CommunicationState;
}

const communicationEvent = (event: unknown) => event as CommunicationEvent;

/**
 * Folded by the domain's own `evolve`. The connector exists with its environment and has no
 * creating event: the first change starts from the domain's initial state (blocked message types).
 */
export const communicationReadModel: ReadModel<CommunicationDocument> = {
  name: 'communication_connectors',
  version: 1,
  handles: COMMUNICATION_EVENT_TYPES,
  documentId: (event) => communicationEvent(event).data.environmentId,
  evolve(document, recorded) {
    const event = communicationEvent(recorded);
    const state = evolveCommunication(document?.state ?? initialCommunicationState(), event);
    return { environmentId: event.data.environmentId, state, ...stampAfter(document, recorded) };
  },
};
