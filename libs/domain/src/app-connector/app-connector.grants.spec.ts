import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { AppConnectorCommand } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { created, ref } from './app-connector.fixtures.js';

const given = deciderSpec(appConnectorDecider);

const lists = [
  {
    list: 'GetConnectors',
    grant: (names: string[]): AppConnectorCommand => ({ type: 'GrantGetConnectors', data: { names } }),
    revoke: (name: string): AppConnectorCommand => ({ type: 'RevokeGetConnector', data: { name } }),
    granted: (names: string[]): AppConnectorEvent => ({ type: 'GetConnectorsGranted', data: { ...ref, names } }),
    revoked: (name: string): AppConnectorEvent => ({ type: 'GetConnectorRevoked', data: { ...ref, name } }),
  },
  {
    list: 'UpdateConnectors',
    grant: (names: string[]): AppConnectorCommand => ({ type: 'GrantUpdateConnectors', data: { names } }),
    revoke: (name: string): AppConnectorCommand => ({ type: 'RevokeUpdateConnector', data: { name } }),
    granted: (names: string[]): AppConnectorEvent => ({ type: 'UpdateConnectorsGranted', data: { ...ref, names } }),
    revoked: (name: string): AppConnectorEvent => ({ type: 'UpdateConnectorRevoked', data: { ...ref, name } }),
  },
  {
    list: 'special connectors',
    grant: (names: string[]): AppConnectorCommand => ({ type: 'AddSpecialConnectors', data: { names } }),
    revoke: (name: string): AppConnectorCommand => ({ type: 'RemoveSpecialConnector', data: { name } }),
    granted: (names: string[]): AppConnectorEvent => ({ type: 'SpecialConnectorsAdded', data: { ...ref, names } }),
    revoked: (name: string): AppConnectorEvent => ({ type: 'SpecialConnectorRemoved', data: { ...ref, name } }),
  },
];

describe.each(lists)('$list', ({ grant, revoke, granted, revoked }) => {
  it('grants names sorted and without duplicates', () => {
    given([created])
      .when(grant(['Profit_Debtor', 'AppConnectorSubject', 'Profit_Debtor', 'CommSvcConnector']))
      .then([granted(['AppConnectorSubject', 'CommSvcConnector', 'Profit_Debtor'])]);
  });

  it('grants only the names not granted yet', () => {
    given([created, granted(['A', 'C'])])
      .when(grant(['C', 'B', 'A']))
      .then([granted(['B'])]);
  });

  it('changes nothing when every name is already granted', () => {
    given([created, granted(['A', 'B'])]).when(grant(['B', 'A'])).then([]);
  });

  it('keeps the lists apart', () => {
    const other = lists.find((l) => l.grant !== grant)!;
    given([created, other.granted(['A'])]).when(grant(['A'])).then([granted(['A'])]);
    given([created, other.granted(['A'])]).when(revoke('A')).then([]);
  });

  it('refuses an empty list', () => {
    given([created]).when(grant([])).thenThrows('invalid', 'names_required', 'names');
  });

  it.each(['', 'Profit Debtor', 'Profit-Debtor', 'x'.repeat(101), 'Débiteur'])(
    'refuses the whole list when it holds the bad name "%s"',
    (bad) => {
      given([created]).when(grant(['Good', bad])).thenThrows('invalid', 'names_invalid', 'names');
    },
  );

  it('accepts a name of 100 characters', () => {
    const name = 'x'.repeat(100);
    given([created]).when(grant([name])).then([granted([name])]);
  });

  it('revokes a granted name', () => {
    given([created, granted(['A', 'B'])]).when(revoke('A')).then([revoked('A')]);
  });

  it('changes nothing when revoking a name that is not granted', () => {
    given([created]).when(revoke('A')).then([]);
    given([created, granted(['A']), revoked('A')]).when(revoke('A')).then([]);
  });

  it('grants again after a revocation', () => {
    given([created, granted(['A']), revoked('A')]).when(grant(['A'])).then([granted(['A'])]);
  });
});
