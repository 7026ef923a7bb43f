import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, hex, loadUserGroup, runtimeOf } from '#application';
import {
  AFAS_TOKEN_DATA_BYTES,
  appConnectorDecider,
  appConnectorStreamName,
  DomainError,
  formatAfasToken,
  hashTokenData,
  OTP_NOT_VALID,
  pendingOtpOf,
  tokenHint,
  type AppConnectorState,
  type ValidateOtp,
} from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import type { OtpHasher } from '../../one-time-password.js';
import { OTP_HASHER } from '../../otp.tokens.js';
import { ValidateOtpCommand, type OtpValidationOutcome } from './validate-otp.command.js';

/** A user who left the group since the request gets the refusal every other invalid password gets. */
const REFUSED_CODES: ReadonlySet<string> = new Set([OTP_NOT_VALID, 'user_not_in_user_group']);

/**
 * The token is made here, as for GenerateToken: its hash and hint go into the event, its text only
 * into the answer. A wrong password is appended (it counts towards the request's lockout) and refused.
 */
@CommandHandler(ValidateOtpCommand)
export class ValidateOtpHandler implements ICommandHandler<ValidateOtpCommand> {
  constructor(
    private readonly deps: UseCaseDepsProvider,
    @Inject(OTP_HASHER) private readonly hasher: OtpHasher,
  ) {}

  async execute({ recipient, otp, context }: ValidateOtpCommand): Promise<OtpValidationOutcome> {
    const runtime = runtimeOf(this.deps, context);
    const now = runtime.now().toISOString();
    const secret = runtime.randomBytes(AFAS_TOKEN_DATA_BYTES);
    const data = hex(secret).toUpperCase();
    const tokenId = runtime.newId();
    const { environmentId, appConnectorId, userId } = recipient;
    const command = async (connector: AppConnectorState): Promise<ValidateOtp> => {
      // Hashed under the pending request's id, as at request time; with none pending the decider refuses anyway.
      const requestId = (connector && pendingOtpOf(connector, userId, now)?.requestId) ?? 'none';
      return {
        type: 'ValidateOtp',
        data: {
          userId,
          otpHash: this.hasher.hash({ environmentId, appConnectorId, requestId }, otp),
          now,
          tokenId,
          tokenHash: hashTokenData(data),
          tokenHint: tokenHint(data),
          userIsMember: connector ? ((await loadUserGroup(this.deps, environmentId, connector.userGroupId))?.members.includes(userId) ?? false) : false,
        },
      };
    };
    try {
      const { state } = await executeCommand(this.deps, appConnectorStreamName(environmentId, appConnectorId), appConnectorDecider, command, context);
      const issued = state?.tokens.some((token) => token.tokenId === tokenId) ?? false;
      return issued ? { kind: 'issued', token: formatAfasToken(secret) } : { kind: 'refused' };
    } catch (error) {
      if (error instanceof DomainError && REFUSED_CODES.has(error.code)) return { kind: 'refused' };
      throw error;
    }
  }
}
