import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '#application';
import type { OtpRecipient } from '../../otp-recipient.js';

/** `token` is the token text, shown this once; `refused` when the password did not count (wrong, expired, used, void). */
export type OtpValidationOutcome = { readonly kind: 'issued'; readonly token: string } | { readonly kind: 'refused' };

export class ValidateOtpCommand extends Command<OtpValidationOutcome> {
  constructor(
    readonly recipient: OtpRecipient,
    readonly otp: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
