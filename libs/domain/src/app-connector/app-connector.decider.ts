import { assertNever, type Decider } from '../shared/decider.js';
import { conflict, notFound } from '../shared/domain-error.js';
import { requireEnvironmentId, requireLocalId, requireLowerHex, requireText } from '../shared/validation.js';
import type { AppConnectorCommand, AssignUserGroup, CreateAppConnector } from './app-connector.commands.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { grant, revoke } from './app-connector.grants.js';
import { addIpRestriction, removeIpRestriction } from './app-connector.ip-restrictions.js';
import {
  connectorRef,
  evolveAppConnector,
  initialAppConnectorState,
  type AppConnector,
  type AppConnectorState,
} from './app-connector.state.js';
import { requestOtp, validateOtp } from './app-connector.otp.js';
import { setRateLimit } from './app-connector.rate-limit.js';
import { rotateToken } from './app-connector.rotation.js';
import { generateToken, revokeToken, setTokenValidity } from './app-connector.tokens.js';

export function decideAppConnector(command: AppConnectorCommand, state: AppConnectorState): AppConnectorEvent[] {
  if (command.type === 'CreateAppConnector') return create(command.data, state);
  if (state === null) throw notFound('app_connector_not_found', 'app connector does not exist');
  // 409 rather than 404: the connector still exists for its history, and its id stays taken.
  if (state.archived) throw conflict('app_connector_archived', `app connector ${state.appConnectorId} is deleted`);
  const ref = connectorRef(state);
  switch (command.type) {
    case 'ChangeDescription': {
      const description = requireText(command.data.description, 'description', 255);
      return description === state.description ? [] : [{ type: 'AppConnectorDescriptionChanged', data: { ...ref, description } }];
    }
    case 'AssignUserGroup':
      return assignUserGroup(command.data, state);
    case 'BlockAppConnector':
      return state.blocked ? [] : [{ type: 'AppConnectorBlocked', data: ref }];
    case 'UnblockAppConnector':
      return state.blocked ? [{ type: 'AppConnectorUnblocked', data: ref }] : [];
    case 'ArchiveAppConnector':
      return [{ type: 'AppConnectorArchived', data: ref }];
    case 'GrantGetConnectors':
      return grant(state, 'getConnectors', command.data.names);
    case 'RevokeGetConnector':
      return revoke(state, 'getConnectors', command.data.name);
    case 'GrantUpdateConnectors':
      return grant(state, 'updateConnectors', command.data.names);
    case 'RevokeUpdateConnector':
      return revoke(state, 'updateConnectors', command.data.name);
    case 'AddSpecialConnectors':
      return grant(state, 'specialConnectors', command.data.names);
    case 'RemoveSpecialConnector':
      return revoke(state, 'specialConnectors', command.data.name);
    case 'AddIpRestriction':
      return addIpRestriction(command.data, state);
    case 'RemoveIpRestriction':
      return removeIpRestriction(command.data, state);
    case 'GenerateToken':
      return generateToken(command.data, state);
    case 'RevokeToken':
      return revokeToken(command.data, state);
    case 'RotateToken':
      return rotateToken(command.data, state);
    case 'SetTokenValidity':
      return setTokenValidity(command.data, state);
    case 'SetRateLimit':
      return setRateLimit(command.data, state);
    case 'RequestOtp':
      return requestOtp(command.data, state);
    case 'ValidateOtp':
      return validateOtp(command.data, state);
    default:
      return assertNever(command);
  }
}

function create(data: CreateAppConnector['data'], state: AppConnectorState): AppConnectorEvent[] {
  const environmentId = requireEnvironmentId(data.environmentId);
  const appConnectorId = requireLocalId(data.appConnectorId, 'appConnectorId');
  const apiKey = requireLowerHex(data.apiKey, 'apiKey', 32);
  const description = requireText(data.description, 'description', 255);
  const userGroupId = requireLocalId(data.userGroupId, 'userGroupId');
  if (state !== null) throw conflict('app_connector_exists', `app connector ${appConnectorId} already exists`, 'appConnectorId');
  if (!data.userGroupExists) throw notFound('user_group_not_found', `user group ${userGroupId} does not exist`);
  const { userGroupCreatedWithConnector } = data;
  return [
    {
      type: 'AppConnectorCreated',
      data: { environmentId, appConnectorId, apiKey, description, userGroupId, userGroupCreatedWithConnector, blocked: true },
    },
  ];
}

function assignUserGroup(data: AssignUserGroup['data'], state: AppConnector): AppConnectorEvent[] {
  const userGroupId = requireLocalId(data.userGroupId, 'userGroupId');
  if (!data.userGroupExists) throw notFound('user_group_not_found', `user group ${userGroupId} does not exist`);
  if (userGroupId === state.userGroupId) return [];
  return [{ type: 'AppConnectorUserGroupAssigned', data: { ...connectorRef(state), userGroupId } }];
}

export const appConnectorDecider: Decider<AppConnectorState, AppConnectorCommand, AppConnectorEvent> = {
  initialState: initialAppConnectorState,
  decide: decideAppConnector,
  evolve: evolveAppConnector,
};
