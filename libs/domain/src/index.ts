export * from './shared/decider.js';
export * from './shared/domain-error.js';
export { CONNECTOR_NAME_PATTERN, ENVIRONMENT_ID_PATTERN, LOCAL_ID_PATTERN, USER_ID_PATTERN } from './shared/validation.js';
export { forbiddenCharacterReason } from './shared/free-text.js';
export { eventTypes } from './shared/event-types.js';

export * from './environment/environment.commands.js';
export * from './environment/environment.events.js';
export * from './environment/environment.state.js';
export * from './environment/environment.decider.js';

export * from './user/user.commands.js';
export * from './user/user.events.js';
export * from './user/user.state.js';
export * from './user/user.decider.js';
export { environmentOfUserId, isUserIdOfEnvironment } from './user/user-id.js';

export * from './user-group/user-group.commands.js';
export * from './user-group/user-group.events.js';
export * from './user-group/user-group.state.js';
export * from './user-group/user-group.decider.js';

export * from './app-connector/app-connector.commands.js';
export * from './app-connector/app-connector.events.js';
export {
  evolveAppConnector,
  grantedWith,
  grantedWithout,
  initialAppConnectorState,
  type AppConnector,
  type AppConnectorState,
  type GrantList,
  type IpAccess,
  type IpRestriction,
  type PendingOtp,
  type Token,
} from './app-connector/app-connector.state.js';
export { OTP_MAX_FAILED_ATTEMPTS, OTP_NOT_VALID, pendingOtpOf } from './app-connector/app-connector.otp.js';
export { MAX_TOKEN_VALIDITY_DAYS } from './app-connector/app-connector.tokens.js';
export { MAX_BURST, MAX_REQUESTS_PER_SECOND, type RateLimit } from './app-connector/app-connector.rate-limit.js';
export { MAX_ROTATION_OVERLAP_SECONDS } from './app-connector/app-connector.rotation.js';
export * from './app-connector/app-connector.decider.js';

export type { IpFamily } from './ip/ip-address.js';
export * from './ip/ip-range.js';
export * from './ip/client-address.js';

export * from './token/afas-token.js';
export * from './token/secret-hash.js';

export * from './communication/message-types.js';
export * from './communication/communication.commands.js';
export * from './communication/communication.events.js';
export * from './communication/communication.state.js';
export * from './communication/communication.decider.js';
export * from './communication/message.commands.js';
export * from './communication/message.events.js';
export * from './communication/message.state.js';
export * from './communication/message.decider.js';
