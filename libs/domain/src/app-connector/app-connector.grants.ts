import { invalid } from '../shared/domain-error.js';
import { CONNECTOR_NAME_PATTERN as CONNECTOR_NAME } from '../shared/validation.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { connectorRef, type AppConnector, type GrantList } from './app-connector.state.js';

const GRANTED = {
  getConnectors: 'GetConnectorsGranted',
  updateConnectors: 'UpdateConnectorsGranted',
  specialConnectors: 'SpecialConnectorsAdded',
} as const;

const REVOKED = {
  getConnectors: 'GetConnectorRevoked',
  updateConnectors: 'UpdateConnectorRevoked',
  specialConnectors: 'SpecialConnectorRemoved',
} as const;

/** Grants only the names not granted yet; a bad name refuses the whole command. */
export function grant(state: AppConnector, list: GrantList, names: readonly string[]): AppConnectorEvent[] {
  if (names.length === 0) throw invalid('names_required', 'give at least one connector name', 'names');
  const bad = names.find((name) => !CONNECTOR_NAME.test(name));
  if (bad !== undefined) {
    throw invalid(
      'names_invalid',
      `"${bad}" is not a connector name (1 to 100 letters, digits or underscores); nothing was granted`,
      'names',
    );
  }
  const added = [...new Set(names)].filter((name) => !state[list].includes(name)).sort();
  return added.length === 0 ? [] : [{ type: GRANTED[list], data: { ...connectorRef(state), names: added } }];
}

export function revoke(state: AppConnector, list: GrantList, name: string): AppConnectorEvent[] {
  if (!state[list].includes(name)) return [];
  return [{ type: REVOKED[list], data: { ...connectorRef(state), name } }];
}
