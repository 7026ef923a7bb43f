import { z } from 'zod';
import type { AccessDecision } from '#guard';

export const VerifyAnswer = z.strictObject({
  valid: z.boolean(),
  code: z.string().describe('`allowed`, or the first check that failed (`token_unknown`, `ip_restricted`, …)'),
  appConnectorId: z.string().nullable(),
  userId: z.string().nullable(),
  tokenId: z.string().nullable(),
  retryAfterSeconds: z.number().int().optional().describe('with `rate_limited` only: seconds until the connector may be called again'),
});

export type VerifyAnswer = z.infer<typeof VerifyAnswer>;

/** The answer to a decision: who the token belongs to when it is known, never the token. */
export function verifyAnswer(decision: AccessDecision): VerifyAnswer {
  const owner = decision.allowed ? decision : decision.owner;
  return {
    valid: decision.allowed,
    code: decision.code,
    appConnectorId: owner?.appConnectorId ?? null,
    userId: owner?.userId ?? null,
    tokenId: owner?.tokenId ?? null,
    ...(!decision.allowed && decision.retryAfterSeconds !== undefined && { retryAfterSeconds: decision.retryAfterSeconds }),
  };
}

const textsByOwner = new WeakMap<object, Map<string, string>>();
const textsWithoutOwner = new Map<string, string>();

/**
 * `verifyAnswer` as JSON text, made once per token and code: the index hands out each token's
 * owner and allowed decision as long-lived frozen objects, so every later answer is a look-up.
 */
export function verifyAnswerText(decision: AccessDecision): string {
  // Its wait differs from call to call.
  if (decision.code === 'rate_limited') return JSON.stringify(verifyAnswer(decision));
  const owner = decision.allowed ? decision : decision.owner;
  let texts = owner === null ? textsWithoutOwner : textsByOwner.get(owner);
  if (texts === undefined) {
    texts = new Map();
    textsByOwner.set(owner as object, texts);
  }
  let text = texts.get(decision.code);
  if (text === undefined) {
    text = JSON.stringify(verifyAnswer(decision));
    texts.set(decision.code, text);
  }
  return text;
}
