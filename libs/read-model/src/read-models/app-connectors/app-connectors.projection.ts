import { assertNever, type AppConnectorCreated, type AppConnectorEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import { evolveDocument } from '../../projection/positioned-document.js';
import type { Projection } from '../../projection/projection.js';
import { scopedId } from '../scoped-id.js';
import {
  APP_CONNECTORS,
  type AppConnectorDocument,
  type AppConnectorFields,
  type IpRestrictionEntry,
} from './app-connector.document.js';

const TYPES: ReadonlySet<string> = new Set<AppConnectorEvent['type']>([
  'AppConnectorCreated', 'AppConnectorDescriptionChanged', 'AppConnectorUserGroupAssigned', 'AppConnectorBlocked',
  'AppConnectorUnblocked', 'GetConnectorsGranted', 'GetConnectorRevoked', 'UpdateConnectorsGranted',
  'UpdateConnectorRevoked', 'SpecialConnectorsAdded', 'SpecialConnectorRemoved', 'IpRestrictionAdded',
  'IpRestrictionRemoved', 'TokenGenerated', 'TokenRevoked',
]);

/** App connectors per environment: listed by environment (filter blocked / user group, search description). */
export function appConnectorsProjection(): Projection {
  return {
    name: 'app_connectors',
    version: 1,
    collections: [
      {
        name: APP_CONNECTORS,
        indexes: [['environmentId', 'createdAt'], ['environmentId', 'blocked'], ['environmentId', 'userGroupId']],
      },
    ],
    handles: (type) => TYPES.has(type),
    async apply(recorded: RecordedEvent, tx) {
      const event = recorded as unknown as AppConnectorEvent;
      const { environmentId, appConnectorId } = event.data;
      await evolveDocument<AppConnectorDocument>(tx, APP_CONNECTORS, scopedId(environmentId, appConnectorId), recorded, (current) => {
        if (event.type === 'AppConnectorCreated') return created(event, recorded);
        // Events of a stream arrive in order, so a missing document means a created event was
        // dead-lettered; inventing a connector from a later event would be worse than leaving it out.
        if (current === null) return 'unchanged';
        const stamp = { updatedAt: recorded.metadata.time, updatedBy: recorded.metadata.actor, version: recorded.revision + 1 };
        return { ...evolveConnector(current, event), ...stamp };
      });
    },
  };
}

function created(event: AppConnectorCreated, recorded: RecordedEvent): AppConnectorFields {
  const { environmentId, appConnectorId, apiKey, description, userGroupId, blocked } = event.data;
  const { time, actor } = recorded.metadata;
  return {
    _id: scopedId(environmentId, appConnectorId),
    id: appConnectorId,
    environmentId,
    apiKey,
    description,
    blocked,
    userGroupId,
    getConnectors: [],
    updateConnectors: [],
    specialConnectors: [],
    ipRestrictions: [],
    accessMode: 'open',
    tokenCount: 0,
    createdAt: time,
    createdBy: actor,
    updatedAt: time,
    updatedBy: actor,
    version: recorded.revision + 1,
  };
}

function evolveConnector(doc: AppConnectorFields, event: AppConnectorEvent): AppConnectorFields {
  switch (event.type) {
    case 'AppConnectorCreated':
      return doc;
    case 'AppConnectorDescriptionChanged':
      return { ...doc, description: event.data.description };
    case 'AppConnectorUserGroupAssigned':
      return { ...doc, userGroupId: event.data.userGroupId };
    case 'AppConnectorBlocked':
      return { ...doc, blocked: true };
    case 'AppConnectorUnblocked':
      return { ...doc, blocked: false };
    case 'GetConnectorsGranted':
      return { ...doc, getConnectors: withGranted(doc.getConnectors, event.data.names) };
    case 'GetConnectorRevoked':
      return { ...doc, getConnectors: withoutName(doc.getConnectors, event.data.name) };
    case 'UpdateConnectorsGranted':
      return { ...doc, updateConnectors: withGranted(doc.updateConnectors, event.data.names) };
    case 'UpdateConnectorRevoked':
      return { ...doc, updateConnectors: withoutName(doc.updateConnectors, event.data.name) };
    case 'SpecialConnectorsAdded':
      return { ...doc, specialConnectors: withGranted(doc.specialConnectors, event.data.names) };
    case 'SpecialConnectorRemoved':
      return { ...doc, specialConnectors: withoutName(doc.specialConnectors, event.data.name) };
    case 'IpRestrictionAdded': {
      const { restrictionId, access, cidr, family } = event.data;
      return withRestrictions(doc, [...doc.ipRestrictions, { id: restrictionId, access, cidr, family }]);
    }
    case 'IpRestrictionRemoved':
      return withRestrictions(doc, doc.ipRestrictions.filter((line) => line.id !== event.data.restrictionId));
    // The decider emits TokenRevoked only for a live token, so counting up and down stays exact.
    case 'TokenGenerated':
      return { ...doc, tokenCount: doc.tokenCount + 1 };
    case 'TokenRevoked':
      return { ...doc, tokenCount: doc.tokenCount - 1 };
    default:
      return assertNever(event);
  }
}

const withRestrictions = (doc: AppConnectorFields, ipRestrictions: IpRestrictionEntry[]): AppConnectorFields => ({
  ...doc,
  ipRestrictions,
  accessMode: ipRestrictions[0]?.access ?? 'open',
});

const withGranted = (granted: readonly string[], names: readonly string[]) => [...new Set([...granted, ...names])].sort();

const withoutName = (granted: readonly string[], name: string) => granted.filter((candidate) => candidate !== name);
