import type { MailMessage } from '../mail/mail-transport.js';
import { OTP_VALIDITY_MS } from './one-time-password.js';
import type { OtpRecipient } from './otp-recipient.js';

/** The e-mail with the password; its subject names the app connector by its description. */
export function otpMail(recipient: OtpRecipient, device: string, otp: string): MailMessage {
  const minutes = OTP_VALIDITY_MS / 60_000;
  return {
    to: recipient.email,
    subject: `${recipient.connectorDescription}: your one-time password`,
    text:
      `Your one-time password for a token of the app connector "${recipient.connectorDescription}" ` +
      `(environment ${recipient.environmentId}, device "${device}") is:\n\n    ${otp}\n\n` +
      `It is valid for ${minutes} minutes and can be used once. If you did not ask for a token, ignore this e-mail.\n`,
  };
}
