import type { OpenAPIObject } from '@nestjs/swagger';
import { FORWARD_AUTH_PATH } from './forward-auth.routes.js';

const profitError = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { externalMessage: { type: 'string' }, errorNumber: { type: 'integer' }, profitLogReference: { type: 'string' } } } } },
});
const header = (name: string, description: string) => ({ name, in: 'header' as const, required: false, schema: { type: 'string' }, description });
const identity = (description: string) => ({ description, schema: { type: 'string' } });

/** The forward-auth route's OpenAPI entry (a plain Fastify route, which Nest's scanner does not see). */
export function forwardAuthOpenApi(document: OpenAPIObject): OpenAPIObject {
  const get = {
    tags: ['forward-auth'],
    summary: 'The Profit guard for a reverse proxy (Traefik forwardAuth, nginx auth_request)',
    description:
      'Only when FORWARD_AUTH_KEY is set (else 404), and only for a caller whose address is in TRUSTED_PROXIES and that sends the key; ' +
      'any other caller gets 403 problem+json. The original call is read from the headers; the client\'s `Authorization: AfasToken …` is passed on as it came. ' +
      '200 when the Profit surface would let that call through (counted as a use of the token); otherwise the status and body the Profit surface answers. ' +
      'POST, PUT, PATCH, DELETE, OPTIONS and HEAD answer the same (the body is never read).',
    security: [{ forwardAuthKey: [] }],
    parameters: [
      header('X-Forwarded-Method', 'original method (Traefik); or X-Original-Method (nginx)'),
      header('X-Forwarded-Uri', 'original path and query (Traefik); or X-Original-URI (nginx)'),
      header('X-Forwarded-Host', 'original host: the environment, unless the path starts with /{environment}/ProfitRestServices'),
      header('X-Forwarded-For', 'the client address, as the proxies appended it'),
      header('Authorization', 'the client\'s `AfasToken {base64 token}`'),
    ],
    responses: {
      200: {
        description: 'allowed; no body',
        headers: {
          'X-App-Connector-Id': identity('the token\'s app connector'),
          'X-User-Id': identity('the token\'s user'),
          'X-Environment-Id': identity('the environment'),
        },
      },
      400: profitError('the original method or URI is missing, or the path is not canonical'),
      401: profitError('the token is missing, not valid, or its connector is not granted'),
      403: {
        ...profitError('the connector is blocked or the client address is restricted'),
        description: 'the connector is blocked or the client address is restricted (Profit\'s body); or the caller is not a trusted proxy with the key (problem+json)',
      },
      404: profitError('no environment or an endpoint the Profit surface does not serve'),
    },
  };
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: { ...document.components?.securitySchemes, forwardAuthKey: { type: 'apiKey', in: 'header', name: 'X-Forward-Auth-Key' } },
    },
    paths: { ...document.paths, [FORWARD_AUTH_PATH]: { get } },
  };
}
