import { CallHandler, ConflictException, ExecutionContext, Inject, Injectable, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { catchError, concatMap, from, Observable, of, switchMap, throwError } from 'rxjs';
import { RUNTIME, type Runtime } from '#application';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { AdminRequest } from '../admin-auth/admin-auth.guard.js';
import { ValidationFailedError } from '../http/problem.js';
import { idempotentExecution } from './first-run.js';
import { IDEMPOTENCY_STORE, type IdempotencyRecord, type IdempotencyStore, type Reservation } from './idempotency-store.js';

const REPLAYED_HEADERS = ['etag', 'location'];

const MISMATCH = 'this Idempotency-Key was already used for a different request';

/**
 * `Idempotency-Key` on a POST: the first answer is stored and a retry with the same key and the
 * same request gets it again, appending nothing. The same key with another request is refused.
 * When the first run died after appending and before its answer was stored, the retry runs as
 * that run's continuation (see IdempotentExecution): it appends nothing twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const rawKey = request.headers['idempotency-key'];
    if (request.method !== 'POST' || rawKey === undefined) return next.handle();
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (!key || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new ValidationFailedError([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
    }
    const record = this.store.recordFor(request.actor ?? '', key);
    const fingerprint = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    return from(this.store.reserve(record, fingerprint, Date.now())).pipe(switchMap((reservation) => this.proceed(reservation, record, fingerprint, context, next)));
  }

  /** Answers from the reservation: refused, replayed, or the command run under it. */
  private proceed(reservation: Reservation, record: IdempotencyRecord, fingerprint: string, context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    switch (reservation.kind) {
      case 'mismatch':
        throw new UnprocessableEntityException(MISMATCH);
      case 'in_flight':
        throw new ConflictException('a request with this Idempotency-Key is still being handled; retry shortly');
      case 'replay':
        for (const [name, value] of Object.entries(reservation.answer.headers)) reply.header(name, value);
        reply.header('idempotent-replayed', 'true').status(reservation.answer.status);
        return of(reservation.answer.body);
      case 'reserved':
        return from(idempotentExecution(this.events, record, fingerprint, this.runtime, { nowMs: Date.now(), ttlMs: this.store.ttlMs })).pipe(
          switchMap((execution) => {
            if (execution === 'mismatch') throw new UnprocessableEntityException(MISMATCH);
            request.idempotentExecution = execution;
            return next.handle();
          }),
          // Stored before the answer goes out: a retry that follows at once replays it.
          concatMap(async (body: unknown) => {
            await this.store.complete(record, { status: statusOf(context), headers: headersOf(reply), body }, Date.now());
            return body;
          }),
          catchError((error: unknown) =>
            // The command's error is the answer; a release that fails too only holds the key until the in-flight expiry.
            from(this.store.release(record).catch(() => undefined)).pipe(switchMap(() => throwError(() => error))),
          ),
        );
    }
  }
}

/** The route's @HttpCode (Nest applies it only after interceptors ran), 201 for a POST by default. */
function statusOf(context: ExecutionContext): number {
  return (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
}

function headersOf(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
