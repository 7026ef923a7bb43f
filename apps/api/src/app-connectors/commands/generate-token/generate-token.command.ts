import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { AppConnector, Token } from '#domain';
import type { ConnectorTarget } from '../connector-target.js';

export interface TokenRequest {
  readonly userId: string;
  /** The device the token is for. */
  readonly description: string;
  /** ISO time; absent: the connector's token validity decides. */
  readonly expiresAt?: string;
}

export interface IssuedToken extends WrittenState<AppConnector> {
  /** As stored: its hash and hint, never its text. */
  readonly issued: Token;
  /** The token text, shown this once. */
  readonly text: string;
}

export class GenerateTokenCommand extends Command<IssuedToken> {
  constructor(
    readonly target: ConnectorTarget,
    readonly request: TokenRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
