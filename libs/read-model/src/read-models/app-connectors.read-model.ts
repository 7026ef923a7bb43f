import { APP_CONNECTOR_EVENT_TYPES, evolveAppConnector, type AppConnector, type AppConnectorEvent } from '#domain';
import type { ReadModel } from '../read-model.js';
import { scopedId, stampAfter, type ChangeStamp } from './change-stamp.js';

/** One app connector: the domain's own state of it, folded by the domain's own `evolveAppConnector`. */
export interface AppConnectorDocument extends ChangeStamp {
  readonly connector: AppConnector;
}

const connectorEvent = (event: unknown) => event as AppConnectorEvent;

/** App connectors per environment: listed by environment (filter blocked / user group, search description). */
export const appConnectorsReadModel: ReadModel<AppConnectorDocument> = {
  name: 'app_connectors',
  version: 2,
  handles: APP_CONNECTOR_EVENT_TYPES,
  documentId: (event) => scopedId(connectorEvent(event).data.environmentId, connectorEvent(event).data.appConnectorId),
  evolve(document, recorded) {
    const event = connectorEvent(recorded);
    // Events of a stream arrive in order, so a missing document means a created event was
    // dead-lettered; inventing a connector from a later event would be worse than leaving it out.
    if (document === null && event.type !== 'AppConnectorCreated') return null;
    const connector = evolveAppConnector(document?.connector ?? null, event);
    return connector === null ? null : { connector, ...stampAfter(document, recorded) };
  },
};
