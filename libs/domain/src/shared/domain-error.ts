/**
 * Why a command was refused. The HTTP layer maps the kind to a status:
 * invalid 400, not_found 404, conflict 409, rule_violated 422.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'rule_violated';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `ip_restriction_access_mixed`. */
    readonly code: string,
    /** Human reason, shown to the API client. */
    message: string,
    /** Optional field the reason is about (for problem+json field errors). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, field?: string) => new DomainError('invalid', code, message, field);
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string, field?: string) => new DomainError('conflict', code, message, field);
export const ruleViolated = (code: string, message: string, field?: string) =>
  new DomainError('rule_violated', code, message, field);
