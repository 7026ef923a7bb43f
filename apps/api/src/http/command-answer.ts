import type { FastifyReply } from 'fastify';
import { etagOf } from './if-match.js';

/** Every command answer carries its stream version (also as ETag) and its global position. */
export function commandAnswer<T extends { version: number; position: number }>(reply: FastifyReply, answer: T): T {
  reply.header('etag', etagOf(answer.version));
  return answer;
}
