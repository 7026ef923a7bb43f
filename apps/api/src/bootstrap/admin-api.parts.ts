import { AppConnectorGrantsController } from '../app-connectors/app-connector-grants.controller.js';
import { AppConnectorsController } from '../app-connectors/app-connectors.controller.js';
import { IpRestrictionsController } from '../app-connectors/ip-restrictions.controller.js';
import { AddIpRestrictionHandler } from '../app-connectors/commands/add-ip-restriction/add-ip-restriction.handler.js';
import { AssignUserGroupHandler } from '../app-connectors/commands/assign-user-group/assign-user-group.handler.js';
import { ChangeAppConnectorHandler } from '../app-connectors/commands/change-app-connector/change-app-connector.handler.js';
import { CreateAppConnectorHandler } from '../app-connectors/commands/create-app-connector/create-app-connector.handler.js';
import { GenerateTokenHandler } from '../app-connectors/commands/generate-token/generate-token.handler.js';
import { RotateTokenHandler } from '../app-connectors/commands/rotate-token/rotate-token.handler.js';
import { RateLimitController } from '../app-connectors/rate-limit.controller.js';
import { TokensController } from '../app-connectors/tokens.controller.js';
import { AuditEventsController } from '../audit/audit-events.controller.js';
import { ConnectorAuditController } from '../audit/connector-audit.controller.js';
import { ChangeMessageTypeHandler } from '../communication/commands/change-message-type/change-message-type.handler.js';
import { CreateWorkflowHandler } from '../communication/commands/create-workflow/create-workflow.handler.js';
import { MarkMessageHandledHandler } from '../communication/commands/mark-message-handled/mark-message-handled.handler.js';
import { ReceiveMessageHandler } from '../communication/commands/receive-message/receive-message.handler.js';
import { CommunicationQueryController } from '../communication/communication-query.controller.js';
import { CommunicationController } from '../communication/communication.controller.js';
import { ProfitMessagesService } from '../communication/profit-messages.service.js';
import { PROFIT_MESSAGES } from '../profit/profit-messages.port.js';
import { EnvironmentsController } from '../environments/environments.controller.js';
import { RegisterEnvironmentHandler } from '../environments/commands/register-environment/register-environment.handler.js';
import { RotateEnvironmentKeyHandler } from '../environments/commands/rotate-environment-key/rotate-environment-key.handler.js';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';
import { ProjectionsController } from '../read-side/projections.controller.js';
import { AppConnectorsQueryController } from '../queries/app-connectors-query.controller.js';
import { EnvironmentsQueryController } from '../queries/environments-query.controller.js';
import { TokensQueryController } from '../queries/tokens-query.controller.js';
import { UsageQueryController } from '../queries/usage-query.controller.js';
import { UserGroupsQueryController } from '../queries/user-groups-query.controller.js';
import { UsersQueryController } from '../queries/users-query.controller.js';
import { AddMemberHandler } from '../user-groups/commands/add-member/add-member.handler.js';
import { CreateUserGroupHandler } from '../user-groups/commands/create-user-group/create-user-group.handler.js';
import { RemoveMemberHandler } from '../user-groups/commands/remove-member/remove-member.handler.js';
import { RenameUserGroupHandler } from '../user-groups/commands/rename-user-group/rename-user-group.handler.js';
import { DeleteUserGroupHandler } from '../user-groups/commands/delete-user-group/delete-user-group.handler.js';
import { UserGroupsController } from '../user-groups/user-groups.controller.js';
import { ChangeUserHandler } from '../users/commands/change-user/change-user.handler.js';
import { RegisterUserHandler } from '../users/commands/register-user/register-user.handler.js';
import { UsersController } from '../users/users.controller.js';

export const ADMIN_CONTROLLERS = [
  ProjectionsController,
  EnvironmentsController,
  UsersController,
  UserGroupsController,
  AppConnectorsController,
  IpRestrictionsController,
  TokensController,
  RateLimitController,
  AppConnectorGrantsController,
  ConnectorAuditController,
  AuditEventsController,
  EnvironmentsQueryController,
  UsersQueryController,
  UserGroupsQueryController,
  AppConnectorsQueryController,
  TokensQueryController,
  UsageQueryController,
  CommunicationController,
  CommunicationQueryController,
];

export const COMMAND_HANDLERS = [
  UseCaseDepsProvider,
  RegisterEnvironmentHandler,
  RotateEnvironmentKeyHandler,
  RegisterUserHandler,
  ChangeUserHandler,
  CreateUserGroupHandler,
  AddMemberHandler,
  RemoveMemberHandler,
  RenameUserGroupHandler,
  DeleteUserGroupHandler,
  CreateAppConnectorHandler,
  ChangeAppConnectorHandler,
  AssignUserGroupHandler,
  AddIpRestrictionHandler,
  GenerateTokenHandler,
  RotateTokenHandler,
  CreateWorkflowHandler,
  ChangeMessageTypeHandler,
  ReceiveMessageHandler,
  MarkMessageHandledHandler,
  ProfitMessagesService,
  { provide: PROFIT_MESSAGES, useExisting: ProfitMessagesService },
];
