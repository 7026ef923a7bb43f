import { applyDecorators, createParamDecorator, ExecutionContext, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminApi } from '../http/admin-api.decorators.js';
import { ReadYourWritesInterceptor, type QueryRequest } from './read-your-writes.interceptor.js';

const POSITION_HEADER = {
  'X-Projection-Position': { description: 'the read models include every event up to this position', schema: { type: 'integer' } },
};

/** A read controller of the admin API: AdminApi plus read-your-writes and freshness on every route. */
export const QueryApi = (tag: string, path: string) =>
  applyDecorators(
    AdminApi(tag, path),
    UseInterceptors(ReadYourWritesInterceptor),
    ApiHeader({ name: 'X-Min-Position', required: false, description: 'same as the minPosition query parameter' }),
    ApiBadRequestResponse({ description: 'a malformed parameter (problem+json, field errors)' }),
    ApiUnauthorizedResponse({ description: 'admin key missing or wrong' }),
    ApiResponse({
      status: 503,
      description: 'the read models did not reach minPosition in time (problem+json)',
      headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } }, ...POSITION_HEADER },
    }),
  );

export const OK_HEADERS = POSITION_HEADER;

/** The position ReadYourWritesInterceptor read at, for the `position` of list answers. */
export const ReadPosition = createParamDecorator(
  (_: unknown, context: ExecutionContext): number => context.switchToHttp().getRequest<QueryRequest>().readPosition ?? 0,
);
