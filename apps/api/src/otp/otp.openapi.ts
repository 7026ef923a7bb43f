import type { OpenAPIObject } from '@nestjs/swagger';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['post']>;

const profitError = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { externalMessage: { type: 'string' }, errorNumber: { type: 'integer' }, profitLogReference: { type: 'string' } } } } },
});

const credentials = {
  apiKey: { type: 'string', pattern: '^[0-9a-fA-F]{32}$', description: 'the app connector\'s apiKey' },
  apiToken: { type: 'string', pattern: '^[0-9a-fA-F]{32}$', description: 'the environment key' },
  userId: { type: 'string', maxLength: 320, description: 'the user\'s id (12345.jdoe) or e-mail address' },
};

/** JSON whatever the content type says: real clients send text/plain or none. */
const jsonBody = (properties: object, required: string[], description: string) => {
  const schema = { type: 'object', properties, required };
  return { required: true, description, content: { 'application/json': { schema }, 'text/plain': { schema } } };
};

const BODY_NOTE = 'Read as JSON whatever the Content-Type (text/plain or none too); field names match in any case (`userid`, `APIKEY`).';

const operation = (summary: string, description: string, requestBody: object, responses: object): OperationObject => ({
  tags: ['profit'],
  summary,
  description: `${description} Also as /{environment}/ProfitRestServices/…; paths in any case. No Authorization header.`,
  parameters: [{ name: 'Host', in: 'header' as const, required: false, schema: { type: 'string' }, description: '{environment}.rest.<domain>, unless the path names the environment' }],
  requestBody: requestBody as OperationObject['requestBody'],
  responses: responses as OperationObject['responses'],
});

/** The OTP routes' OpenAPI entries (plain Fastify routes, which Nest's scanner does not see). */
export function otpOpenApi(document: OpenAPIObject): OpenAPIObject {
  const request = operation(
    'Request a token: e-mails a one-time password',
    'When apiKey, apiToken and userId all match a member of the connector\'s user group with an e-mail address, an 8-digit password valid 10 minutes is e-mailed, ' +
      'the subject naming the connector\'s description. The answer is the same whatever matched (and comes before any of that work).',
    jsonBody({ ...credentials, description: { type: 'string', maxLength: 255, description: 'the device the token is for (default "Token requested by one-time password")' } }, ['apiKey', 'apiToken', 'userId'], BODY_NOTE),
    {
      201: { description: 'accepted; no body (also when nothing matched, or a rate limit was reached)' },
      400: profitError('the body is not a JSON object with the fields, or a field is malformed'),
      404: profitError('no environment in the host or path'),
    },
  );
  const validation = operation(
    'Validate a one-time password: issues the token',
    'The token is for the device named in the request; it works with the Profit surface like one made by the admin API.',
    jsonBody({ ...credentials, otp: { type: 'string', pattern: '^\\d{8}$' } }, ['apiKey', 'apiToken', 'userId', 'otp'], BODY_NOTE),
    {
      200: {
        description: 'the token, shown this once',
        content: { 'application/json': { schema: { type: 'object', properties: { token: { type: 'string', example: '<token><version>1</version><data>…</data></token>' } } } } },
      },
      400: profitError('the body is not a JSON object with the fields, or a field is malformed'),
      401: profitError('wrong, expired, used or void password, or no such user: the same answer for each'),
      404: profitError('no environment in the host or path'),
      409: profitError('the user has a live token for this device: the administrator deletes it first'),
      429: profitError('too many validations for this user or from this address'),
    },
  );
  return {
    ...document,
    paths: { ...document.paths, '/ProfitRestServices/OtpRequest': { post: request }, '/ProfitRestServices/OtpValidation': { post: validation } },
  };
}
