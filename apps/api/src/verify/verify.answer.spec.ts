import type { AccessDecision, TokenOwner } from '#guard';
import { VerifyAnswer, verifyAnswer, verifyAnswerText } from './verify.answer.js';

const owner: TokenOwner = Object.freeze({ environmentId: '12345', appConnectorId: 'c1', userId: '12345.jdoe', tokenId: 't1', device: 'laptop' });
const granted: AccessDecision = Object.freeze({ ...owner, allowed: true, code: 'allowed', expiresAt: null });
const refusal = (code: 'ip_restricted' | 'connector_blocked' | 'token_unknown', who: TokenOwner | null): AccessDecision => ({
  allowed: false, code, status: 403, externalMessage: 'x', owner: who,
});

describe('verifyAnswer and verifyAnswerText', () => {
  it('answers who the token belongs to, and nothing about a token that is not known', () => {
    expect(verifyAnswer(granted)).toEqual({ valid: true, code: 'allowed', appConnectorId: 'c1', userId: '12345.jdoe', tokenId: 't1' });
    expect(verifyAnswer(refusal('token_unknown', null))).toEqual({ valid: false, code: 'token_unknown', appConnectorId: null, userId: null, tokenId: null });
  });

  it('gives the JSON of verifyAnswer for every decision, asked once or many times', () => {
    const other: TokenOwner = Object.freeze({ ...owner, tokenId: 't2', userId: '12345.other' });
    const decisions = [granted, refusal('ip_restricted', owner), refusal('connector_blocked', owner), refusal('ip_restricted', other), refusal('token_unknown', null)];
    for (let round = 0; round < 2; round++) {
      for (const decision of decisions) {
        const text = verifyAnswerText(decision);
        expect(JSON.parse(text)).toEqual(verifyAnswer(decision));
        expect(VerifyAnswer.safeParse(JSON.parse(text)).success).toBe(true);
      }
    }
    expect(new Set(decisions.map(verifyAnswerText)).size).toBe(decisions.length);
  });
});
