import type { CommandBus } from '@nestjs/cqrs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandContext, Runtime, UseCaseDeps } from '#application';
import { DomainError } from '#domain';
import { WrongExpectedRevisionError } from '#event-store';
import { ProfitError, resolveClientAddress, type TrustedProxies } from '#guard';
import type { MailOutbox } from '../mail/mail-outbox.js';
import { PROFIT_SERVICE_SEGMENT } from '../profit/profit-call.js';
import { environmentFromHost, isEnvironmentId } from '../profit/profit-environment.js';
import { handleProfitError } from '../profit/profit-errors.js';
import { RequestOtpCommand } from './commands/request-otp/request-otp.command.js';
import { ValidateOtpCommand, type OtpValidationOutcome } from './commands/validate-otp/validate-otp.command.js';
import type { OtpLimits } from './otp-limits.js';
import { otpMail } from './otp-mail.js';
import { findOtpRecipient, type OtpRecipient } from './otp-recipient.js';
import { parseOtpRequestBody, parseOtpValidationBody, type OtpRequestBody } from './otp-request-body.js';
import type { OtpWorkQueue } from './otp-work-queue.js';

/** What the routes read the connectors from: the access index's apiKey lookup, and its position. */
interface OtpConnectorIndex {
  connectorIdByApiKey(environmentId: string, apiKey: string): string | undefined;
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
}

export interface OtpRoutesOptions {
  readonly commandBus: CommandBus;
  readonly deps: UseCaseDeps;
  readonly runtime: Runtime;
  readonly index: OtpConnectorIndex;
  readonly trustedProxies: TrustedProxies;
  readonly limits: OtpLimits;
  readonly work: OtpWorkQueue;
  readonly outbox: MailOutbox;
}

/** The largest body these routes read: four short fields. */
const BODY_LIMIT_BYTES = 16 * 1024;
/**
 * Every refused validation answers no sooner than this after it arrived, so that an unknown user
 * (no append) and a wrong password (one append) take about as long.
 */
const REFUSAL_FLOOR_MS = 250;

/**
 * `Otp…` in any case: the router takes one regular expression per path position, so both
 * endpoints share it and `ENDPOINTS` tells them apart.
 */
const OTP_SEGMENT = ':endpoint(^[Oo][Tt][Pp][A-Za-z]+$)';

/**
 * `POST /ProfitRestServices/OtpRequest` and `…/OtpValidation`, in the host and the `/{env}/…`
 * form of the Profit surface, as a Fastify plugin of their own: bodies are read as JSON whatever
 * their content type, errors answer in Profit's shape.
 */
export function otpRoutes(options: OtpRoutesOptions) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler(handleProfitError);
    const handler = (request: FastifyRequest, reply: FastifyReply) => {
      const endpoint = ENDPOINTS[(request.params as { endpoint: string }).endpoint.toLowerCase()];
      if (endpoint === undefined) throw new ProfitError(404, 'Unknown endpoint', 'endpoint_unknown');
      return endpoint(options, request, reply);
    };
    for (const prefix of ['', '/:environmentId']) scope.post(`${prefix}/${PROFIT_SERVICE_SEGMENT}/${OTP_SEGMENT}`, handler);
  };
}

type Endpoint = (options: OtpRoutesOptions, request: FastifyRequest, reply: FastifyReply) => void | Promise<void>;

/** 201 and no body whatever matched; the lookups, the append and the e-mail follow the answer. */
function otpRequest(options: OtpRoutesOptions, request: FastifyRequest, reply: FastifyReply): void {
  const environmentId = environmentOf(request);
  const body = parseOtpRequestBody(request.body);
  const context = contextOf(options, request);
  reply.status(201).send();
  if (!options.limits.allowRequest(environmentId, body.userId, context.sourceIp, options.runtime.now().getTime())) {
    request.log.info({ code: 'otp_request_rate_limited', sourceIp: context.sourceIp }, 'token request not handled: rate limited');
    return;
  }
  const queued = options.work.add(() => handleOtpRequest(options, request, environmentId, body, context));
  if (!queued) request.log.warn({ code: 'otp_request_queue_full' }, 'token request dropped: too many waiting');
}

async function handleOtpRequest(options: OtpRoutesOptions, request: FastifyRequest, environmentId: string, body: OtpRequestBody, context: CommandContext) {
  const recipient = await recipientOf(options, environmentId, body);
  if (recipient === null) {
    request.log.info({ code: 'otp_request_unmatched' }, 'token request matched no user: nothing sent');
    return;
  }
  const issued = await retriedOnConflict(() => options.commandBus.execute(new RequestOtpCommand(recipient, body.description, { ...context, actor: recipient.userId })));
  options.outbox.enqueue(otpMail(recipient, body.description, issued.otp), issued.requestId);
}

async function otpValidation(options: OtpRoutesOptions, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const started = performance.now();
  const environmentId = environmentOf(request);
  const body = parseOtpValidationBody(request.body);
  const context = contextOf(options, request);
  if (!options.limits.allowValidation(environmentId, body.userId, context.sourceIp, options.runtime.now().getTime())) {
    await sleepUntil(started + REFUSAL_FLOOR_MS);
    throw new ProfitError(429, 'Too many attempts; try again later', 'otp_validation_rate_limited');
  }
  const recipient = await recipientOf(options, environmentId, body);
  const outcome = recipient === null ? REFUSED : await validate(options, recipient, body.otp, context);
  if (outcome.kind === 'refused') {
    await sleepUntil(started + REFUSAL_FLOOR_MS);
    throw new ProfitError(401, 'The one-time password is not valid', 'otp_not_valid');
  }
  reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ token: outcome.token }));
}

const REFUSED: OtpValidationOutcome = { kind: 'refused' };

const ENDPOINTS: Readonly<Record<string, Endpoint>> = { otprequest: otpRequest, otpvalidation: otpValidation };

async function validate(options: OtpRoutesOptions, recipient: OtpRecipient, otp: string, context: CommandContext): Promise<OtpValidationOutcome> {
  try {
    return await retriedOnConflict(() => options.commandBus.execute(new ValidateOtpCommand(recipient, otp, { ...context, actor: recipient.userId })));
  } catch (error) {
    // The password was right (the caller proved it): saying why no token is made reveals nothing new.
    if (error instanceof DomainError && error.code === 'token_exists_for_device') {
      throw new ProfitError(409, 'A token for this user and device exists already; ask the administrator to delete it, then validate again', error.code);
    }
    if (error instanceof WrongExpectedRevisionError) throw new ProfitError(409, 'Other changes to this app connector were written at the same time; try again', 'concurrent_write');
    throw error;
  }
}

/** Attempts on one connector's stream at once (parallel guesses, an admin change) are decided again on the new state, not answered 5xx. */
async function retriedOnConflict<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= CONFLICT_ATTEMPTS) throw error;
    }
  }
}

const CONFLICT_ATTEMPTS = 10;

/** Reads the store up to its head first: a connector or membership written just before is found. */
async function recipientOf(options: OtpRoutesOptions, environmentId: string, body: Pick<OtpRequestBody, 'apiKey' | 'apiToken' | 'userId'>) {
  await options.index.waitForPosition(await options.deps.store.headPosition(), 5_000);
  return findOtpRecipient(options.deps, (env, apiKey) => options.index.connectorIdByApiKey(env, apiKey), environmentId, body);
}

function environmentOf(request: FastifyRequest): string {
  const prefixed = (request.params as { environmentId?: string }).environmentId;
  const environmentId = prefixed ?? environmentFromHost(request.headers.host);
  if (!isEnvironmentId(environmentId ?? undefined)) {
    throw new ProfitError(404, 'Unknown environment: call {environment}.rest.<domain>/ProfitRestServices/… or /{environment}/ProfitRestServices/…', 'environment_unknown');
  }
  return environmentId as string;
}

function contextOf(options: OtpRoutesOptions, request: FastifyRequest): CommandContext {
  const client = resolveClientAddress({ peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] }, options.trustedProxies);
  return { actor: 'anonymous', correlationId: request.id, causationId: request.id, sourceIp: client?.address ?? null };
}

const sleepUntil = async (deadline: number) => {
  const remaining = deadline - performance.now();
  if (remaining > 0) await sleep(remaining);
};
