import type { OpenAPIObject } from '@nestjs/swagger';

const profitError = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { externalMessage: { type: 'string' }, errorNumber: { type: 'integer' }, profitLogReference: { type: 'string' } } } } },
});
const json = (description: string, properties: Record<string, object>) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties } } },
});
const text = { type: 'string' };
const pathParam = (name: string, description: string) => ({ name, in: 'path' as const, required: true, schema: text, description });
const guarded = {
  401: profitError('no, an invalid or a revoked token; or (messages) the connector lacks CommSvcConnector: "valid token but no access to this endpoint"'),
  403: profitError('the connector is blocked or the client address is restricted'),
};
const REFUSED = 'Profit\'s "Er is een fout opgetreden bij het verzenden en ontvangen van berichten" with the reason';

/**
 * The Profit-surface routes this service answers or forwards itself beyond MetaInfo (plain Fastify
 * routes, which Nest's scanner does not see). Paths match in any case and also under `/{environment}/`.
 */
export function profitOpenApi(document: OpenAPIObject): OpenAPIObject {
  const security = [{ afasToken: [] }];
  const tags = ['Profit surface'];
  const paths = {
    '/ProfitRestServices/ProfitVersion': {
      get: {
        tags, security,
        summary: 'This service\'s version: a connectivity check that says whether the token is good',
        description: 'Any valid token of an unblocked connector in the environment; no grant needed, no business data read.',
        responses: { 200: json('{ version }: the version of this service', { version: text }), ...guarded },
      },
    },
    '/ProfitRestServices/fileconnector/{guid}/{filename}': {
      get: {
        tags, security,
        summary: 'FileConnector: an attachment by the GUID and file name a GetConnector returned, forwarded to the upstream',
        parameters: [pathParam('guid', 'the file\'s GUID'), pathParam('filename', 'the original file name, URL-encoded; Profit\'s own escapes such as _2B pass unchanged')],
        responses: {
          200: { description: 'the upstream\'s answer, as it came' },
          ...guarded,
          404: profitError('the connector lacks AppConnectorSubject, or the file does not exist (the upstream\'s 404)'),
          502: profitError('the upstream could not be reached'),
          503: profitError('no upstream is configured for this environment'),
        },
      },
    },
    '/ProfitRestServices/CommSvcConnector/messages': {
      post: {
        tags, security,
        summary: 'Send a message to the communication connector (needs the special connector CommSvcConnector)',
        description: 'JSON whatever the content type. A message sent again with the same reference by the same connector is stored once and answers the first id.',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['messageType', 'reference', 'payload'], properties: { messageType: text, reference: text, payload: {} } } } } },
        responses: {
          202: json('accepted: { id }', { id: text }),
          400: profitError('not JSON, or a field missing or malformed'),
          ...guarded,
          413: profitError(`the payload is larger than MESSAGE_PAYLOAD_LIMIT_KB (${REFUSED}); nothing stored`),
          422: profitError(`the message type is blocked or unknown (${REFUSED}); nothing stored`),
        },
      },
    },
    '/ProfitRestServices/CommSvcConnector/messages/{id}': {
      get: {
        tags, security,
        summary: 'The status of a message this connector sent',
        parameters: [pathParam('id', 'the id the message was accepted with')],
        responses: {
          200: json('{ id, messageType, reference, status }', { id: text, messageType: text, reference: text, status: { type: 'string', enum: ['received', 'handled'] } }),
          ...guarded,
          404: profitError(`no such message of this connector (${REFUSED})`),
        },
      },
    },
  };
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: { ...document.components?.securitySchemes, afasToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'AfasToken {base64 of the token XML}' } },
    },
    paths: { ...document.paths, ...paths },
  };
}
