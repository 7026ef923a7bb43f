import { applyDecorators, Controller, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CONNECTOR_NAME_PATTERN, ENVIRONMENT_ID_PATTERN, USER_ID_PATTERN } from '#domain';
import { AdminAuthGuard } from '../admin-auth/admin-auth.guard.js';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor.js';
import { TakeTurnsInterceptor } from './take-turns.interceptor.js';

/** A controller of the admin API: under /api/v1, admin key required, documented in OpenAPI. */
export const AdminApi = (tag: string, path: string) =>
  applyDecorators(Controller(`api/v1/${path}`), UseGuards(AdminAuthGuard), ApiTags(tag), ApiBearerAuth('admin'));

/**
 * A command controller of the admin API: AdminApi plus taking turns with the guard and
 * Idempotency-Key. Kept off queries, since any interceptor puts Nest's rxjs pipeline on the route,
 * a measurable share of a cheap call.
 */
export const AdminCommands = (tag: string, path: string) =>
  applyDecorators(AdminApi(tag, path), UseInterceptors(TakeTurnsInterceptor, IdempotencyInterceptor));

export const environmentIdParam = z.string().regex(ENVIRONMENT_ID_PATTERN, 'an environment id is 1 to 32 letters or digits');
export const resourceIdParam = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a valid id');
export const connectorNameParam = z.string().regex(CONNECTOR_NAME_PATTERN, 'a connector name is letters, digits and _');
export const userIdParam = z.string().regex(USER_ID_PATTERN, 'a user id looks like 12345.jdoe');
