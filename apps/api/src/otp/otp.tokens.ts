export const OTP_HASHER = Symbol('OTP_HASHER');
export const MAIL_OUTBOX = Symbol('MAIL_OUTBOX');
