import { z } from 'zod';

export const VerifyAnswer = z.strictObject({
  valid: z.boolean(),
  code: z.string().describe('`allowed`, or the first check that failed (`token_unknown`, `ip_restricted`, …)'),
  appConnectorId: z.string().nullable(),
  userId: z.string().nullable(),
  tokenId: z.string().nullable(),
});

export type VerifyAnswer = z.infer<typeof VerifyAnswer>;
