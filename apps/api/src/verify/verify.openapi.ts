import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { VerifyAnswer } from './verify.answer.js';
import { VerifyRequest } from './verify.request.js';
import { VERIFY_PATH } from './verify.routes.js';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { type: 'object' } } } });

/** The verify route's OpenAPI entry (it is a plain Fastify route, which Nest's scanner does not see). */
export function verifyOpenApi(document: OpenAPIObject): OpenAPIObject {
  const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { target: 'openapi-3.0', io }) as Record<string, unknown>;
  return {
    ...document,
    paths: {
      ...document.paths,
      [VERIFY_PATH]: {
        post: {
          tags: ['verify'],
          summary: 'Verify a token for a call: the Profit guard\'s decision as data',
          description:
            'Always 200 for a decision; `valid` says whether the call may go ahead and `code` names the first check that failed. ' +
            "It counts in the token's usage and takes from the connector's rate limit as a Profit call does (`rate_limited` with `retryAfterSeconds` beyond it).",
          security: [{ admin: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(VerifyRequest, 'input') } } },
          responses: {
            200: { description: 'the decision', content: { 'application/json': { schema: jsonSchema(VerifyAnswer, 'output') } } },
            400: problem('the body is not valid; `errors` names each field'),
            401: problem('no or a wrong admin key'),
          },
        },
      },
    },
  };
}
