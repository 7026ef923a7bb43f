import { APP_CONNECTOR_EVENT_TYPES, evolveAppConnector, type AppConnector, type AppConnectorEvent } from '#domain';
import { aggregateReadModel, type AggregateDocument } from './aggregate-read-model.js';
import { scopedId } from './change-stamp.js';

export type AppConnectorDocument = AggregateDocument<AppConnector>;

/** App connectors per environment: listed by environment (filter blocked / archived / user group, search description). */
export const appConnectorsReadModel = aggregateReadModel<AppConnector, AppConnectorEvent>({
  name: 'app_connectors',
  version: 6,
  handles: APP_CONNECTOR_EVENT_TYPES,
  creation: 'AppConnectorCreated',
  documentId: ({ data }) => scopedId(data.environmentId, data.appConnectorId),
  evolve: evolveAppConnector,
});
