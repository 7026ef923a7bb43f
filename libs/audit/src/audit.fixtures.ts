import type { AppConnectorEvent } from '#domain';
import type { EventStore, NewEvent } from '#event-store';

/** Test data of the audit specs: one connector's events with chosen times. */
export const ref = { environmentId: '12345', appConnectorId: 'c-1' };
export const STREAM = 'app-connector-12345-c-1';
export const TOKEN_HASH = 'b'.repeat(64);

type Change = { [E in AppConnectorEvent as E['type']]: { type: E['type']; data: Omit<E['data'], keyof typeof ref> } }[AppConnectorEvent['type']];

export const created: Change = {
  type: 'AppConnectorCreated',
  data: { apiKey: '0123456789abcdef0123456789abcdef', description: 'Webshop', userGroupId: 'g-1', userGroupCreatedWithConnector: false, blocked: true },
};
export const granted: Change = { type: 'GetConnectorsGranted', data: { names: ['Profit_Debtors'] } };
export const restricted: Change = { type: 'IpRestrictionAdded', data: { restrictionId: 'r-1', access: 'allow', cidr: '10.0.0.0/8', family: 'ipv4' } };
export const tokenGenerated: Change = {
  type: 'TokenGenerated',
  data: { tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHash: TOKEN_HASH, tokenHint: '…A1B2' },
};
export const unblocked: Change = { type: 'AppConnectorUnblocked', data: {} };

const toNewEvent = (change: Change, time: string, actor = 'admin'): NewEvent => ({
  type: change.type,
  data: { ...ref, ...change.data },
  metadata: { actor, correlationId: `corr-${time}`, causationId: `cause-${time}`, sourceIp: '127.0.0.1', time, schemaVersion: 1 },
});

/** Appends each change as its own command, at 10:00, 10:01, … on 2025-03-01. */
export async function appendChanges(store: EventStore, changes: readonly Change[]): Promise<void> {
  for (const [index, change] of changes.entries()) {
    const time = `2025-03-01T10:${String(index).padStart(2, '0')}:00.000Z`;
    await store.appendToStream(STREAM, [toNewEvent(change, time)], { expectedRevision: index === 0 ? 'no_stream' : index - 1 });
  }
}
