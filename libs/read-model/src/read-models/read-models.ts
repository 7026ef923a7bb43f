import type { Projection } from '../projection/projection.js';
import { appConnectorsProjection } from './app-connectors/app-connectors.projection.js';
import { environmentsProjection } from './environments/environments.projection.js';
import { tokensProjection } from './tokens/tokens.projection.js';
import { userGroupsProjection } from './user-groups/user-groups.projection.js';
import { usersProjection } from './users/users.projection.js';

/** Every read model the service keeps. */
export function readModelProjections(): Projection[] {
  return [environmentsProjection(), appConnectorsProjection(), tokensProjection(), usersProjection(), userGroupsProjection()];
}

export { scopedId } from './scoped-id.js';
export * from './app-connectors/app-connector.document.js';
export * from './environments/environments.projection.js';
export * from './tokens/token.document.js';
export * from './user-groups/user-group.document.js';
export * from './users/user.document.js';
