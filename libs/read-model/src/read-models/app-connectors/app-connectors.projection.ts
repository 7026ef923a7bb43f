import { assertNever, grantedWith, grantedWithout, type AppConnectorCreated, type AppConnectorEvent } from '#domain';
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
        // One index for the one list: an environment's connectors in creation order, the blocked and
        // user-group filters read from the index entries. Every index costs a write per event.
        indexes: [['environmentId', 'createdAt', 'blocked', 'userGroupId']],
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
        // One copy of the document per event: the changed fields and the stamp go into it together.
        return {
          ...current,
          ...changesOf(current, event),
          updatedAt: recorded.metadata.time,
          updatedBy: recorded.metadata.actor,
          version: recorded.revision + 1,
        };
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

/** The fields an event changes; the caller copies the document once with them. */
function changesOf(doc: AppConnectorFields, event: AppConnectorEvent): Partial<AppConnectorFields> {
  switch (event.type) {
    case 'AppConnectorCreated':
      return {};
    case 'AppConnectorDescriptionChanged':
      return { description: event.data.description };
    case 'AppConnectorUserGroupAssigned':
      return { userGroupId: event.data.userGroupId };
    case 'AppConnectorBlocked':
      return { blocked: true };
    case 'AppConnectorUnblocked':
      return { blocked: false };
    case 'GetConnectorsGranted':
      return { getConnectors: grantedWith(doc.getConnectors, event.data.names) };
    case 'GetConnectorRevoked':
      return { getConnectors: grantedWithout(doc.getConnectors, event.data.name) };
    case 'UpdateConnectorsGranted':
      return { updateConnectors: grantedWith(doc.updateConnectors, event.data.names) };
    case 'UpdateConnectorRevoked':
      return { updateConnectors: grantedWithout(doc.updateConnectors, event.data.name) };
    case 'SpecialConnectorsAdded':
      return { specialConnectors: grantedWith(doc.specialConnectors, event.data.names) };
    case 'SpecialConnectorRemoved':
      return { specialConnectors: grantedWithout(doc.specialConnectors, event.data.name) };
    case 'IpRestrictionAdded': {
      const { restrictionId, access, cidr, family } = event.data;
      return withRestrictions([...doc.ipRestrictions, { id: restrictionId, access, cidr, family }]);
    }
    case 'IpRestrictionRemoved':
      return withRestrictions(doc.ipRestrictions.filter((line) => line.id !== event.data.restrictionId));
    // The decider emits TokenRevoked only for a live token, so counting up and down stays exact.
    case 'TokenGenerated':
      return { tokenCount: doc.tokenCount + 1 };
    case 'TokenRevoked':
      return { tokenCount: doc.tokenCount - 1 };
    default:
      return assertNever(event);
  }
}

const withRestrictions = (ipRestrictions: IpRestrictionEntry[]): Partial<AppConnectorFields> => ({
  ipRestrictions,
  accessMode: ipRestrictions[0]?.access ?? 'open',
});
