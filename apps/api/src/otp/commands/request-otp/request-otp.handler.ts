import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, loadUserGroup, runtimeOf } from '#application';
import { appConnectorDecider, appConnectorStreamName, type AppConnectorState, type RequestOtp } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { drawOtp, OTP_VALIDITY_MS, type OtpHasher } from '../../one-time-password.js';
import { OTP_HASHER } from '../../otp.tokens.js';
import { RequestOtpCommand, type IssuedOtp } from './request-otp.command.js';

/** The password is drawn here: its keyed hash goes into the event, the password itself only into the e-mail. */
@CommandHandler(RequestOtpCommand)
export class RequestOtpHandler implements ICommandHandler<RequestOtpCommand> {
  constructor(
    private readonly deps: UseCaseDepsProvider,
    @Inject(OTP_HASHER) private readonly hasher: OtpHasher,
  ) {}

  async execute({ recipient, description, context }: RequestOtpCommand): Promise<IssuedOtp> {
    const runtime = runtimeOf(this.deps, context);
    const requestId = runtime.newId();
    const otp = drawOtp(runtime);
    const expiresAt = new Date(runtime.now().getTime() + OTP_VALIDITY_MS).toISOString();
    const { environmentId, appConnectorId, userId } = recipient;
    const command = async (connector: AppConnectorState): Promise<RequestOtp> => ({
      type: 'RequestOtp',
      data: {
        requestId,
        userId,
        description,
        otpHash: this.hasher.hash({ environmentId, appConnectorId, requestId }, otp),
        expiresAt,
        userIsMember: connector ? ((await loadUserGroup(this.deps, environmentId, connector.userGroupId))?.members.includes(userId) ?? false) : false,
      },
    });
    await executeCommand(this.deps, appConnectorStreamName(environmentId, appConnectorId), appConnectorDecider, command, context);
    return { requestId, otp, expiresAt };
  }
}
