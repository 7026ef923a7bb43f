import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { AppConnectorCommand } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import { appConnectorStreamName, type AppConnectorEvent } from './app-connector.events.js';
import { API_KEY, create, created, generate, ref, unblocked } from './app-connector.fixtures.js';

const given = deciderSpec(appConnectorDecider);
const block: AppConnectorCommand = { type: 'BlockAppConnector', data: {} };
const unblock: AppConnectorCommand = { type: 'UnblockAppConnector', data: {} };
const blocked: AppConnectorEvent = { type: 'AppConnectorBlocked', data: ref };

describe('app connector decider', () => {
  describe('CreateAppConnector', () => {
    it('creates a blocked connector with a trimmed description', () => {
      given([]).when(create({ description: '  Webshop ' })).then([created]);
    });

    it('records that the user group was created with the connector', () => {
      given([])
        .when(create({ userGroupCreatedWithConnector: true }))
        .then([{ ...created, data: { ...created.data, userGroupCreatedWithConnector: true } }]);
    });

    it('refuses an unknown user group', () => {
      given([]).when(create({ userGroupExists: false })).thenThrows('not_found', 'user_group_not_found');
    });

    it('refuses an existing connector', () => {
      given([created]).when(create()).thenThrows('conflict', 'app_connector_exists');
    });

    it.each([
      [{ description: '' }, 'description_required', 'description'],
      [{ description: 'x'.repeat(256) }, 'description_too_long', 'description'],
      [{ apiKey: API_KEY.toUpperCase() }, 'apiKey_invalid', 'apiKey'],
      [{ apiKey: API_KEY.slice(1) }, 'apiKey_invalid', 'apiKey'],
      [{ environmentId: '' }, 'environmentId_invalid', 'environmentId'],
      [{ appConnectorId: 'a b' }, 'appConnectorId_invalid', 'appConnectorId'],
      [{ userGroupId: '' }, 'userGroupId_invalid', 'userGroupId'],
    ])('refuses %j', (data, code, field) => {
      given([]).when(create(data)).thenThrows('invalid', code, field);
    });

    it('accepts a description of exactly 255 characters', () => {
      const description = 'x'.repeat(255);
      given([])
        .when(create({ description }))
        .then([{ ...created, data: { ...created.data, description } }]);
    });
  });

  describe('ChangeDescription', () => {
    it('changes the description', () => {
      given([created])
        .when({ type: 'ChangeDescription', data: { description: ' Webshop NL ' } })
        .then([{ type: 'AppConnectorDescriptionChanged', data: { ...ref, description: 'Webshop NL' } }]);
    });

    it('changes nothing when the description stays the same', () => {
      given([created]).when({ type: 'ChangeDescription', data: { description: 'Webshop ' } }).then([]);
    });

    it('refuses an empty description', () => {
      given([created])
        .when({ type: 'ChangeDescription', data: { description: ' ' } })
        .thenThrows('invalid', 'description_required', 'description');
    });
  });

  describe('AssignUserGroup', () => {
    it('assigns another user group', () => {
      given([created])
        .when({ type: 'AssignUserGroup', data: { userGroupId: 'shop-admins', userGroupExists: true } })
        .then([{ type: 'AppConnectorUserGroupAssigned', data: { ...ref, userGroupId: 'shop-admins' } }]);
    });

    it('changes nothing when the group is already assigned', () => {
      given([created]).when({ type: 'AssignUserGroup', data: { userGroupId: 'webshop-users', userGroupExists: true } }).then([]);
    });

    it('refuses an unknown user group', () => {
      given([created])
        .when({ type: 'AssignUserGroup', data: { userGroupId: 'ghosts', userGroupExists: false } })
        .thenThrows('not_found', 'user_group_not_found');
    });
  });

  describe('blocking', () => {
    it('unblocks a new connector', () => {
      given([created]).when(unblock).then([unblocked]);
    });

    it('blocks an unblocked connector', () => {
      given([created, unblocked]).when(block).then([blocked]);
    });

    it('changes nothing when already in the asked state', () => {
      given([created]).when(block).then([]);
      given([created, unblocked]).when(unblock).then([]);
      given([created, unblocked, blocked]).when(block).then([]);
    });
  });

  const everyCommandButCreate: AppConnectorCommand[] = [
    { type: 'ChangeDescription', data: { description: 'x' } },
    { type: 'AssignUserGroup', data: { userGroupId: 'g', userGroupExists: true } },
    block,
    unblock,
    { type: 'GrantGetConnectors', data: { names: ['A'] } },
    { type: 'RevokeGetConnector', data: { name: 'A' } },
    { type: 'GrantUpdateConnectors', data: { names: ['A'] } },
    { type: 'RevokeUpdateConnector', data: { name: 'A' } },
    { type: 'AddSpecialConnectors', data: { names: ['A'] } },
    { type: 'RemoveSpecialConnector', data: { name: 'A' } },
    { type: 'AddIpRestriction', data: { restrictionId: 'r', access: 'allow', address: '1.2.3.4' } },
    { type: 'RemoveIpRestriction', data: { restrictionId: 'r' } },
    generate(),
    { type: 'RevokeToken', data: { tokenId: 't' } },
    { type: 'SetTokenValidity', data: { days: 30 } },
    { type: 'SetRateLimit', data: { limit: { requestsPerSecond: 10, burst: 20 } } },
    { type: 'RequestOtp', data: { requestId: 'o', userId: '12345.jdoe', description: 'd', otpHash: 'c'.repeat(64), expiresAt: '2026-01-01T00:10:00.000Z', userIsMember: true } },
    { type: 'ValidateOtp', data: { userId: '12345.jdoe', otpHash: 'c'.repeat(64), now: '2026-01-01T00:00:00.000Z', tokenId: 't', tokenHash: 'b'.repeat(64), tokenHint: 'h', userIsMember: true } },
  ];

  it.each(everyCommandButCreate.map((command) => [command.type, command] as const))(
    '%s on a connector that does not exist is not found',
    (_, command) => {
      given([]).when(command).thenThrows('not_found', 'app_connector_not_found');
    },
  );

  describe('ArchiveAppConnector (delete)', () => {
    const archive: AppConnectorCommand = { type: 'ArchiveAppConnector', data: {} };
    const archived: AppConnectorEvent = { type: 'AppConnectorArchived', data: ref };

    it('archives a blocked or an unblocked connector', () => {
      given([created]).when(archive).then([archived]);
      given([created, unblocked]).when(archive).then([archived]);
    });

    it('refuses a connector that does not exist', () => {
      given([]).when(archive).thenThrows('not_found', 'app_connector_not_found');
    });

    it.each([...everyCommandButCreate, archive].map((command) => [command.type, command] as const))(
      '%s on a deleted connector is a conflict, nothing appended',
      (_, command) => {
        given([created, unblocked, archived]).when(command).thenThrows('conflict', 'app_connector_archived');
      },
    );

    it('never creates a connector again under the id of a deleted one', () => {
      given([created, archived]).when(create()).thenThrows('conflict', 'app_connector_exists');
    });
  });

  it('names its stream after environment and connector', () => {
    expect(appConnectorStreamName('12345', 'c-1')).toBe('app-connector-12345-c-1');
  });
});
