import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, hex, loadUserGroup, runtimeOf, type CommandContext, writtenState } from '#application';
import { appConnectorDecider, type CreateAppConnector } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { AddMemberCommand } from '../../../user-groups/commands/add-member/add-member.command.js';
import { CreateUserGroupCommand } from '../../../user-groups/commands/create-user-group/create-user-group.command.js';
import { RegisterUserCommand } from '../../../users/commands/register-user/register-user.command.js';
import { connectorStream, type ConnectorTarget } from '../connector-target.js';
import { GenerateTokenCommand } from '../generate-token/generate-token.command.js';
import { ChangeAppConnectorCommand } from '../change-app-connector/change-app-connector.command.js';
import { CreateAppConnectorCommand, type CreatedAppConnector, type NewAppConnector } from './create-app-connector.command.js';

type GroupOfConnector = Pick<CreateAppConnector['data'], 'userGroupId' | 'userGroupExists' | 'userGroupCreatedWithConnector'>;
type QuickPath = Extract<NewAppConnector, { createUserGroup: true }>;

/**
 * CreateAppConnector. The quick path (Profit's "create a user group based on the app connector
 * name") also creates that group, a system user in it and, if asked, the user's token.
 */
@CommandHandler(CreateAppConnectorCommand)
export class CreateAppConnectorHandler implements ICommandHandler<CreateAppConnectorCommand> {
  constructor(
    private readonly deps: UseCaseDepsProvider,
    private readonly commands: CommandBus,
  ) {}

  async execute({ environmentId, connector, context }: CreateAppConnectorCommand): Promise<CreatedAppConnector> {
    const runtime = runtimeOf(this.deps, context);
    const target = { environmentId, appConnectorId: runtime.newId() };
    const apiKey = hex(runtime.randomBytes(16));
    const create = (group: GroupOfConnector): CreateAppConnector => ({
      type: 'CreateAppConnector',
      data: { ...target, apiKey, description: connector.description, ...group },
    });
    const created = 'createUserGroup' in connector ? await this.quickPath(target, connector, create, context) : await this.withGroup(target, connector.userGroupId, create, context);
    return connector.specialConnectors ? this.addSpecialConnectors(target, created, connector.specialConnectors, context) : created;
  }

  private async withGroup(target: ConnectorTarget, userGroupId: string, create: (group: GroupOfConnector) => CreateAppConnector, context: CommandContext) {
    const group = await loadUserGroup(this.deps, target.environmentId, userGroupId);
    return this.append(target, create({ userGroupId, userGroupExists: group !== null, userGroupCreatedWithConnector: false }), context);
  }

  /** Last, as in Profit: the special connectors are added on the connector's properties once it exists. */
  private async addSpecialConnectors(target: ConnectorTarget, created: CreatedAppConnector, names: readonly string[], context: CommandContext): Promise<CreatedAppConnector> {
    const { state, version, position } = await this.commands.execute(new ChangeAppConnectorCommand(target, { type: 'AddSpecialConnectors', data: { names } }, context));
    return { ...created, state, version, position };
  }

  private async quickPath(
    target: ConnectorTarget,
    connector: QuickPath,
    create: (group: GroupOfConnector) => CreateAppConnector,
    context: CommandContext,
  ): Promise<CreatedAppConnector> {
    const { environmentId } = target;
    // Refuse a bad description before anything is written, so the quick path never leaves a lone group behind.
    appConnectorDecider.decide(create({ userGroupId: 'pending', userGroupExists: true, userGroupCreatedWithConnector: true }), appConnectorDecider.initialState());
    const name = connector.description.trim();
    const { state: group } = await this.commands.execute(new CreateUserGroupCommand(environmentId, name, context));
    const systemUserId = `${environmentId}.${systemUserLocalPart(connector.description, hex(runtimeOf(this.deps, context).randomBytes(3)))}`;
    await this.commands.execute(new RegisterUserCommand({ environmentId, userId: systemUserId, email: null, name, kind: 'system' }, context));
    await this.commands.execute(new AddMemberCommand({ environmentId, groupId: group.groupId, userId: systemUserId }, context));
    const appended = await this.append(target, create({ userGroupId: group.groupId, userGroupExists: true, userGroupCreatedWithConnector: true }), context);
    // Before the token, so that the token generated next gets this validity.
    const created = connector.tokenValidityDays === undefined ? appended : await this.commands.execute(
      new ChangeAppConnectorCommand(target, { type: 'SetTokenValidity', data: { days: connector.tokenValidityDays } }, context),
    );
    if (!connector.autoGenerateToken) return { ...created, systemUserId };

    const description = connector.tokenDescription ?? 'Generated with the app connector';
    const token = await this.commands.execute(new GenerateTokenCommand(target, { userId: systemUserId, description }, context));
    return { state: token.state, version: token.version, position: token.position, systemUserId, token };
  }

  private async append(target: ConnectorTarget, command: CreateAppConnector, context: CommandContext) {
    return writtenState(await executeCommand(this.deps, connectorStream(target), appConnectorDecider, command, context));
  }
}

/** `Webshop Koppeling!` → `webshop-koppeling-3fa9c1`: readable, and unique thanks to the suffix. */
function systemUserLocalPart(description: string, suffix: string): string {
  const slug = description.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return slug ? `${slug}-${suffix}` : `app-${suffix}`;
}
