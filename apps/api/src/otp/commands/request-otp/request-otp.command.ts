import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '#application';
import type { OtpRecipient } from '../../otp-recipient.js';

export interface IssuedOtp {
  readonly requestId: string;
  /** The password, for the e-mail only: never stored, never logged. */
  readonly otp: string;
  readonly expiresAt: string;
}

export class RequestOtpCommand extends Command<IssuedOtp> {
  constructor(
    readonly recipient: OtpRecipient,
    /** The device the token will be for. */
    readonly description: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
