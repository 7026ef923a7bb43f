import { UnauthorizedException } from '@nestjs/common';
import type { AdminKeyRegistry } from './admin-key-registry.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The actor (the admin key's name) of an `Authorization: Bearer <admin key>` header; anything else
 * throws a 401 that says what is wrong. Shared by `AdminAuthGuard` and the plain Fastify routes.
 * With `connection` (the request's socket), a key already proven on it is recognised without
 * hashing it again (`AdminKeyRegistry.actorOn`).
 */
export function authenticateAdmin(registry: AdminKeyRegistry, header: string | undefined, connection?: object): string {
  if (!header) throw new UnauthorizedException('send Authorization: Bearer <admin key>');
  const match = BEARER.exec(header);
  if (!match) throw new UnauthorizedException('the Authorization header must be: Bearer <admin key>');
  const key = match[1] as string;
  const actor = connection === undefined ? registry.actorOf(key) : registry.actorOn(connection, key);
  if (!actor) throw new UnauthorizedException('the admin key is not valid');
  return actor;
}
