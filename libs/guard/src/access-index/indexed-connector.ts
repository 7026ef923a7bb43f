import {
  assertNever,
  type AppConnectorCreated,
  type AppConnectorEvent,
  type TokenGenerated,
  type TokenRevoked,
} from '#domain';
import { IpRules, type IpRule } from './ip-rules.js';

/** One app connector as the guard reads it: grants as Sets, IP lines precompiled. */
export interface IndexedConnector {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly description: string;
  readonly blocked: boolean;
  readonly userGroupId: string;
  readonly getConnectors: ReadonlySet<string>;
  readonly updateConnectors: ReadonlySet<string>;
  readonly specialConnectors: ReadonlySet<string>;
  readonly ipRules: IpRules;
  /** Counts the changes applied to this connector, so that a surface can cache what it derives from one. */
  readonly revision: number;
}

/** The index's own copy, changed in place so that an event costs no copying of the grant sets. */
export type MutableConnector = {
  -readonly [K in keyof IndexedConnector]: IndexedConnector[K];
} & {
  readonly getConnectors: Set<string>;
  readonly updateConnectors: Set<string>;
  readonly specialConnectors: Set<string>;
  readonly ipLines: Map<string, IpRule>;
};

export type ConnectorChange = Exclude<AppConnectorEvent, AppConnectorCreated | TokenGenerated | TokenRevoked>;

export function changeConnector(connector: MutableConnector, event: ConnectorChange): void {
  connector.revision += 1;
  switch (event.type) {
    case 'AppConnectorDescriptionChanged':
      connector.description = event.data.description;
      return;
    case 'AppConnectorUserGroupAssigned':
      connector.userGroupId = event.data.userGroupId;
      return;
    case 'AppConnectorBlocked':
    case 'AppConnectorUnblocked':
      connector.blocked = event.type === 'AppConnectorBlocked';
      return;
    case 'GetConnectorsGranted':
      return addAll(connector.getConnectors, event.data.names);
    case 'GetConnectorRevoked':
      return void connector.getConnectors.delete(event.data.name);
    case 'UpdateConnectorsGranted':
      return addAll(connector.updateConnectors, event.data.names);
    case 'UpdateConnectorRevoked':
      return void connector.updateConnectors.delete(event.data.name);
    case 'SpecialConnectorsAdded':
      return addAll(connector.specialConnectors, event.data.names);
    case 'SpecialConnectorRemoved':
      return void connector.specialConnectors.delete(event.data.name);
    case 'IpRestrictionAdded': {
      const { restrictionId, access, cidr, family } = event.data;
      connector.ipLines.set(restrictionId, { access, cidr, family });
      connector.ipRules = new IpRules([...connector.ipLines.values()]);
      return;
    }
    case 'IpRestrictionRemoved':
      connector.ipLines.delete(event.data.restrictionId);
      connector.ipRules = new IpRules([...connector.ipLines.values()]);
      return;
    default:
      return assertNever(event);
  }
}

export function newConnector(data: AppConnectorCreated['data']): MutableConnector {
  return {
    environmentId: data.environmentId,
    appConnectorId: data.appConnectorId,
    description: data.description,
    blocked: data.blocked,
    userGroupId: data.userGroupId,
    getConnectors: new Set(),
    updateConnectors: new Set(),
    specialConnectors: new Set(),
    ipLines: new Map(),
    ipRules: IpRules.NONE,
    revision: 0,
  };
}

function addAll(target: Set<string>, names: readonly string[]): void {
  for (const name of names) target.add(name);
}
