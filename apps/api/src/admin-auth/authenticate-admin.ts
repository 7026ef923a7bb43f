import { UnauthorizedException } from '@nestjs/common';
import type { AdminKeyRegistry } from './admin-key-registry.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The actor (the admin key's name) of an `Authorization: Bearer <admin key>` header; anything else
 * throws a 401 that says what is wrong. Shared by `AdminAuthGuard` and the plain Fastify routes.
 */
export function authenticateAdmin(registry: AdminKeyRegistry, header: string | undefined): string {
  if (!header) throw new UnauthorizedException('send Authorization: Bearer <admin key>');
  const match = BEARER.exec(header);
  if (!match) throw new UnauthorizedException('the Authorization header must be: Bearer <admin key>');
  const actor = registry.actorOf(match[1] as string);
  if (!actor) throw new UnauthorizedException('the admin key is not valid');
  return actor;
}
