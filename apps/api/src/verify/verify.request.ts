import { z } from 'zod';
import { parseClientAddress } from '#domain';
import { connectorNameParam, environmentIdParam } from '../http/admin-api.decorators.js';

export const VerifyRequest = z.strictObject({
  environmentId: environmentIdParam,
  token: z
    .string()
    .max(4096)
    .describe('the token as shown once (<token><version>1</version>…</token>) or its base64 form, as clients send it'),
  clientIp: z
    .string()
    .max(100)
    .describe('the address the call came from, checked against the IP restrictions')
    // Parsed once, here: the decision takes the parsed address.
    .transform((text, context) => {
      const address = parseClientAddress(text);
      if (address === null) context.addIssue({ code: 'custom', message: 'not an IPv4 or IPv6 address' });
      return address ?? z.NEVER;
    }),
  connector: z.strictObject({
    kind: z.enum(['get', 'update', 'special']),
    name: connectorNameParam,
  }),
});

export type VerifyRequest = z.infer<typeof VerifyRequest>;
