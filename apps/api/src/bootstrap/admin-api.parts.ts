import { AppConnectorGrantsController } from '../app-connectors/app-connector-grants.controller.js';
import { ChangeAppConnectorHandler, CreateAppConnectorHandler, GenerateTokenHandler } from '../app-connectors/app-connector.handlers.js';
import { AppConnectorsController } from '../app-connectors/app-connectors.controller.js';
import { IpRestrictionsController } from '../app-connectors/ip-restrictions.controller.js';
import { TokensController } from '../app-connectors/tokens.controller.js';
import { EnvironmentsController } from '../environments/environments.controller.js';
import { RegisterEnvironmentHandler } from '../environments/register-environment.handler.js';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';
import { UserGroupHandler } from '../user-groups/user-group.handler.js';
import { UserGroupsController } from '../user-groups/user-groups.controller.js';
import { RegisterUserHandler } from '../users/register-user.handler.js';
import { UsersController } from '../users/users.controller.js';

export const ADMIN_CONTROLLERS = [
  EnvironmentsController,
  UsersController,
  UserGroupsController,
  AppConnectorsController,
  IpRestrictionsController,
  TokensController,
  AppConnectorGrantsController,
];

export const COMMAND_HANDLERS = [
  UseCaseDepsProvider,
  RegisterEnvironmentHandler,
  RegisterUserHandler,
  UserGroupHandler,
  CreateAppConnectorHandler,
  ChangeAppConnectorHandler,
  GenerateTokenHandler,
];
