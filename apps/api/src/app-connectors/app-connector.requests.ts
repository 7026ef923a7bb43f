import { z } from 'zod';
import { CONNECTOR_NAME_PATTERN, MAX_BURST, MAX_REQUESTS_PER_SECOND, MAX_ROTATION_OVERLAP_SECONDS, MAX_TOKEN_VALIDITY_DAYS } from '#domain';
import { freeText } from '../http/free-text.js';

const connectorDescription = freeText('shown to users, also in the subject of one-time-password e-mails');

// Checked here, before anything is written: a bad name must not leave a connector created without its specials.
const specialConnectors = z
  .array(z.string().regex(CONNECTOR_NAME_PATTERN, 'a connector name is 1 to 100 letters, digits or underscores'))
  .min(1)
  .max(100)
  .optional()
  .describe('special connectors to add at once, such as CommSvcConnector or AppConnectorSubject');

const validityDays = z
  .number()
  .int()
  .min(1)
  .max(MAX_TOKEN_VALIDITY_DAYS)
  .describe(`days a token stays valid from its generation (1 to ${MAX_TOKEN_VALIDITY_DAYS})`);

export const CreateAppConnectorRequest = z.union([
  z.strictObject({
    description: connectorDescription,
    userGroupId: z.string(),
    specialConnectors,
  }),
  z.strictObject({
    description: connectorDescription,
    createUserGroup: z.literal(true).describe('create a user group named after the connector, with a system user in it'),
    autoGenerateToken: z.boolean().optional().describe("also generate the system user's token, shown once"),
    tokenDescription: freeText('device description of that token').optional(),
    tokenValidityDays: validityDays.optional().describe("the connector's token validity, set before the token is generated"),
    specialConnectors,
  }),
]);

export const ChangeDescriptionRequest = z.strictObject({ description: connectorDescription });
export const AssignUserGroupRequest = z.strictObject({ userGroupId: z.string() });
export const GrantRequest = z.strictObject({ names: z.array(z.string()).min(1).max(100) });

export const AddIpRestrictionRequest = z.strictObject({
  access: z.enum(['allow', 'deny']),
  address: z
    .string()
    .max(100)
    .describe(
      'IPv4 or IPv6 address, or CIDR range such as 10.0.0.0/8 or 2001:db8::/32; ::ffff:1.2.3.4 means 1.2.3.4, the deprecated IPv4-compatible ::1.2.3.4 is refused',
    ),
  subnetMask: z.string().max(15).optional().describe('with an IPv4 address: a mask such as 255.255.255.0'),
});

export const GenerateTokenRequest = z.strictObject({
  userId: z.string(),
  description: freeText('the device the token is for'),
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("ISO time from which the token is refused, in the future; absent: the connector's token validity, if set"),
});

export const SetTokenValidityRequest = z.strictObject({
  days: validityDays.nullable().describe('days a token generated from now on stays valid; null: such tokens do not expire'),
});

export const RotateTokenRequest = z.strictObject({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_ROTATION_OVERLAP_SECONDS)
    .describe(`seconds the old token stays valid beside the new one (0 to ${MAX_ROTATION_OVERLAP_SECONDS}); then it is refused as expired`),
});

export const SetRateLimitRequest = z.strictObject({
  requestsPerSecond: z
    .number()
    .positive()
    .max(MAX_REQUESTS_PER_SECOND)
    .describe(`calls per second the bucket refills (above 0, at most ${MAX_REQUESTS_PER_SECOND}; 0.5 is one call every two seconds)`),
  burst: z.number().int().min(1).max(MAX_BURST).optional().describe(`calls the bucket holds (1 to ${MAX_BURST}); default: requestsPerSecond rounded up`),
});
