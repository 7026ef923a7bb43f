import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { IdempotentExecution } from '#application';
import { ADMIN_KEY_REGISTRY, type AdminKeyRegistry } from './admin-key-registry.js';
import { authenticateAdmin } from './authenticate-admin.js';

export interface AdminRequest extends FastifyRequest {
  actor?: string;
  /** The normalised client address, `null` when it cannot be known. */
  sourceIp?: string | null;
  /** Set by the Idempotency-Key interceptor, carried into the command's context. */
  idempotentExecution?: IdempotentExecution;
}

/**
 * Every /api/v1 call needs `Authorization: Bearer <admin key>`; the key's name becomes the actor.
 * `checkAdminKeyBeforeBody` has already checked it for the whole service; this guard checks a
 * request that hook did not see.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(@Inject(ADMIN_KEY_REGISTRY) private readonly registry: AdminKeyRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    request.actor ??= authenticateAdmin(this.registry, request.headers.authorization);
    return true;
  }
}
