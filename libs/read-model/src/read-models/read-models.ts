import type { ReadModel } from '../read-model.js';
import { auditEventsReadModel } from './audit-events.read-model.js';
import { appConnectorsReadModel } from './app-connectors.read-model.js';
import { communicationReadModel } from './communication.read-model.js';
import { environmentsReadModel } from './environments.read-model.js';
import { messagesReadModel } from './messages.read-model.js';
import { tokensReadModel } from './tokens.read-model.js';
import { userGroupsReadModel } from './user-groups.read-model.js';
import { usersReadModel } from './users.read-model.js';

/** Every read model the service keeps. */
export const READ_MODELS: readonly ReadModel[] = [environmentsReadModel, appConnectorsReadModel, tokensReadModel, usersReadModel, userGroupsReadModel, communicationReadModel, messagesReadModel, auditEventsReadModel] as ReadModel[];
