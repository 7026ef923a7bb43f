import { AppConnectorGrantsController } from '../app-connectors/app-connector-grants.controller.js';
import { ChangeAppConnectorHandler, CreateAppConnectorHandler, GenerateTokenHandler } from '../app-connectors/app-connector.handlers.js';
import { AppConnectorsController } from '../app-connectors/app-connectors.controller.js';
import { IpRestrictionsController } from '../app-connectors/ip-restrictions.controller.js';
import { TokensController } from '../app-connectors/tokens.controller.js';
import { ConnectorAuditController } from '../audit/connector-audit.controller.js';
import { EnvironmentsController } from '../environments/environments.controller.js';
import { RegisterEnvironmentHandler } from '../environments/register-environment.handler.js';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';
import { ProjectionsController } from '../read-side/projections.controller.js';
import { AppConnectorsQueryController } from '../queries/app-connectors-query.controller.js';
import { EnvironmentsQueryController } from '../queries/environments-query.controller.js';
import { TokensQueryController } from '../queries/tokens-query.controller.js';
import { UserGroupsQueryController } from '../queries/user-groups-query.controller.js';
import { UsersQueryController } from '../queries/users-query.controller.js';
import { UserGroupHandler } from '../user-groups/user-group.handler.js';
import { UserGroupsController } from '../user-groups/user-groups.controller.js';
import { RegisterUserHandler } from '../users/register-user.handler.js';
import { UsersController } from '../users/users.controller.js';

export const ADMIN_CONTROLLERS = [
  ProjectionsController,
  EnvironmentsController,
  UsersController,
  UserGroupsController,
  AppConnectorsController,
  IpRestrictionsController,
  TokensController,
  AppConnectorGrantsController,
  ConnectorAuditController,
  EnvironmentsQueryController,
  UsersQueryController,
  UserGroupsQueryController,
  AppConnectorsQueryController,
  TokensQueryController,
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
