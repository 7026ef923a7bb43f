import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { loadState, type CommandContext } from '#application';
import { messageDecider, messageStreamName } from '#domain';
import { WrongExpectedRevisionError } from '#event-store';
import { resolveClientAddress, TRUSTED_PROXIES, type AccessGranted, type TrustedProxies } from '#guard';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';
import type { ProfitMessages } from '../profit/profit-messages.port.js';
import { ReceiveMessageCommand } from './commands/receive-message/receive-message.command.js';
import { asMessageRefusal, messageRefused, readSentMessage } from './message-request.js';

export const MESSAGE_PAYLOAD_LIMIT_BYTES = Symbol('MESSAGE_PAYLOAD_LIMIT_BYTES');

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The communication connector as the Profit surface serves it to external applications. */
@Injectable()
export class ProfitMessagesService implements ProfitMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly deps: UseCaseDepsProvider,
    @Inject(TRUSTED_PROXIES) private readonly trustedProxies: TrustedProxies,
    @Inject(MESSAGE_PAYLOAD_LIMIT_BYTES) private readonly payloadLimitBytes: number,
  ) {}

  async send(request: FastifyRequest, access: AccessGranted) {
    const sent = await readSentMessage(request, this.payloadLimitBytes);
    const command = new ReceiveMessageCommand({ environmentId: access.environmentId, appConnectorId: access.appConnectorId, userId: access.userId, ...sent }, this.contextOf(request, access));
    try {
      return { id: (await this.receive(command)).state.messageId };
    } catch (error) {
      throw asMessageRefusal(error);
    }
  }

  /**
   * Read from the message's stream, not a read model: the sender asks right after its 202 and has no
   * position to wait for. Another connector's message answers as one that does not exist.
   */
  async status(access: AccessGranted, messageId: string) {
    const notFound = () => messageRefused(404, `message ${messageId} does not exist`, 'message_not_found');
    // Ids are UUIDs (messageIdFor): anything else names no stream, and is not looked up.
    if (!MESSAGE_ID.test(messageId)) throw notFound();
    const { state } = await loadState(this.deps, messageStreamName(access.environmentId, messageId), messageDecider);
    if (state === null || state.appConnectorId !== access.appConnectorId) throw notFound();
    return { id: state.messageId, messageType: state.messageType, reference: state.reference, status: state.status };
  }

  /** The same message sent twice at once: the second append loses the race, and its retry finds the first stored. */
  private async receive(command: ReceiveMessageCommand) {
    try {
      return await this.commands.execute(command);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return this.commands.execute(command);
    }
  }

  private contextOf(request: FastifyRequest, access: AccessGranted): CommandContext {
    const client = resolveClientAddress({ peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] }, this.trustedProxies);
    return { actor: access.userId, appConnectorId: access.appConnectorId, correlationId: request.id, causationId: request.id, sourceIp: client?.address ?? null };
  }
}
