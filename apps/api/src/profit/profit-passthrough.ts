import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** `@RouteConfig(PASSTHROUGH_ROUTE)` marks the routes whose request bodies are forwarded as received. */
export const PASSTHROUGH_ROUTE = { profitPassthrough: true } as const;

/** A media type no client sends: it selects the parser that leaves the body an unread stream. */
const PASSTHROUGH_MEDIA_TYPE = 'application/x-app-connectors-passthrough';

const originalContentTypes = new WeakMap<FastifyRequest, string | undefined>();

/**
 * Lets the Profit routes forward bodies byte for byte. Nest registers every route on the root
 * Fastify instance, whose parsers would turn JSON into objects (re-serialised differently), refuse
 * unknown media types with 415 and an empty JSON body with 400. So, for the marked routes only, a
 * preParsing hook swaps the content type for one whose parser hands the body on as the unread
 * request stream (what @fastify/http-proxy does in its own plugin scope), and keeps the original to
 * send upstream. Unread also means a refused call's body is never buffered.
 */
export function installProfitPassthrough(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(PASSTHROUGH_MEDIA_TYPE, (_request, payload, done) => done(null, payload));
  // Callback style, not async: this hook runs on every request of the service.
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if ((request.routeOptions.config as { profitPassthrough?: boolean }).profitPassthrough === true) {
      originalContentTypes.set(request, request.headers['content-type']);
      request.raw.headers['content-type'] = PASSTHROUGH_MEDIA_TYPE;
    }
    done(null, payload);
  });
  // Registered here rather than in create-app so that the module carries everything it needs.
  void fastify.register(replyFrom, { disableRequestLogging: true });
}

export function originalContentType(request: FastifyRequest): string | undefined {
  return originalContentTypes.get(request);
}
