import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '#application';
import type { Token } from '#domain';
import type { IssuedToken } from '../generate-token/generate-token.command.js';
import type { ConnectorTarget } from '../connector-target.js';

export interface RotatedToken extends IssuedToken {
  /** The rotated token as it is now: valid until its `expiresAt`, the overlap's end. */
  readonly previous: Token;
}

export class RotateTokenCommand extends Command<RotatedToken> {
  constructor(
    readonly target: ConnectorTarget,
    readonly tokenId: string,
    readonly overlapSeconds: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
