import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ADMIN_KEY_REGISTRY, type AdminKeyRegistry } from './admin-key-registry.js';

export interface AdminRequest extends FastifyRequest {
  actor?: string;
}

/** Every /api/v1 call needs `Authorization: Bearer <admin key>`; the key's name becomes the actor. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(@Inject(ADMIN_KEY_REGISTRY) private readonly registry: AdminKeyRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const header = request.headers.authorization;
    if (!header) throw new UnauthorizedException('send Authorization: Bearer <admin key>');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException('the Authorization header must be: Bearer <admin key>');
    const actor = this.registry.actorOf(match[1] as string);
    if (!actor) throw new UnauthorizedException('the admin key is not valid');
    request.actor = actor;
    return true;
  }
}
