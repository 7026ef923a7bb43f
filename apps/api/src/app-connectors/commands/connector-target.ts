import { appConnectorStreamName } from '#domain';

/** The connector a command is about, as its route names it. */
export interface ConnectorTarget {
  readonly environmentId: string;
  readonly appConnectorId: string;
}

export const connectorStream = (target: ConnectorTarget) => appConnectorStreamName(target.environmentId, target.appConnectorId);
