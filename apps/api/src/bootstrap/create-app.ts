import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { join } from 'node:path';
import { nodeRuntime, type Runtime } from '#application';
import { createEventStore, type EventStore } from '#event-store';
import { SqliteTokenUsageSink, TRUSTED_PROXIES, type TrustedProxies } from '#guard';
import { openReadSide, type ProjectionRunner, type ReadSide, type ReadStore } from '#read-model';
import { checkAdminKeyBeforeBody } from '../admin-auth/admin-key.hook.js';
import { AdminKeyRegistry } from '../admin-auth/admin-key-registry.js';
import type { AppConfig } from '../config/app-config.js';
import { clientErrorHandler } from '../http/client-errors.js';
import { createLogger } from '../http/create-logger.js';
import { answerFrameworkError } from '../http/framework-errors.js';
import { PinoLoggerService } from '../http/pino-logger.service.js';
import { openIdempotencyStore } from '../idempotency/open-idempotency-store.js';
import { MailOutbox } from '../mail/mail-outbox.js';
import { createMailTransport } from '../mail/mail-transport.js';
import { OtpHasher } from '../otp/one-time-password.js';
import { loadOrCreateServerSecret } from '../storage/server-secret.js';
import { ApiDatabase } from '../storage/api-database.js';
import { AppModule } from './app.module.js';
import { setupOpenApi } from './openapi.js';

export interface CreateAppOptions {
  readonly logger?: Logger;
  readonly runtime?: Runtime;
  /** Where a generated admin key is shown once (default: stdout, outside the JSON log). */
  readonly announceAdminKey?: (name: string, secret: string) => void;
  /** Waits before each retry of an e-mail that could not be sent (default 1 s, 5 s, 30 s). */
  readonly mailRetryDelaysMs?: readonly number[];
}

export interface RunningParts {
  readonly app: NestFastifyApplication;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  /** This process's projection runner: it runs only while the process holds the projector lease. */
  readonly projections: ProjectionRunner;
  readonly readSide: ReadSide;
}

const OTP_SECRET = { name: 'one-time password secret', lostWhenReplaced: 'one-time passwords sent before no longer validate' };

const printAdminKeyOnce = (name: string, secret: string) => {
  process.stdout.write(
    `\nGenerated admin API key "${name}" (shown once, stored hashed; keep it safe):\n\n    ${secret}\n\n` +
      'Send it as: Authorization: Bearer <key>. Set ADMIN_API_KEY to choose your own.\n\n',
  );
};

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<RunningParts> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const apiDatabase = new ApiDatabase(join(config.dataDir, 'api.sqlite'));
  const eventStore = await createEventStore(config.eventStore);
  const { readStore, runner: projections, readSide, close: closeReadSide } = await openReadSide({
    eventStore,
    readStore: config.readStore,
    project: config.projections,
    logger: {
      info: (message) => logger.info({ context: 'projections' }, message),
      warn: (message) => logger.warn({ context: 'projections' }, message),
      error: (message) => logger.error({ context: 'projections' }, message),
    },
  }).catch(async (error: unknown) => {
    await eventStore.close();
    apiDatabase.close();
    throw error;
  });
  const adminKeys = AdminKeyRegistry.open(apiDatabase, config.adminApiKey, options.announceAdminKey ?? printAdminKeyOnce);
  const otpHasher = new OtpHasher(loadOrCreateServerSecret(join(config.dataDir, 'otp.secret'), OTP_SECRET));
  const mailOutbox = new MailOutbox(createMailTransport(config.mail, config.dataDir), logger, options.mailRetryDelaysMs);
  const idempotency = await openIdempotencyStore(config, apiDatabase);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    // Typed for HTTP/2 too; this server is HTTP/1.1 only.
    frameworkErrors: (error: FastifyError, request: unknown, reply: unknown) => answerFrameworkError(error, request as FastifyRequest, reply as FastifyReply),
    clientErrorHandler: clientErrorHandler(logger),
    requestTimeout: config.http.requestTimeoutMs,
    // Node looks for requests past their time at this interval: a tenth of the bound, 100 ms to 30 s.
    http: { headersTimeout: config.http.headersTimeoutMs, connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.ceil(config.http.headersTimeoutMs / 10))) },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      eventStore,
      readStore,
      readSide,
      readYourWritesTimeoutMs: config.readYourWritesTimeoutMs,
      tokenUsage: new SqliteTokenUsageSink(join(config.dataDir, 'token-usage.sqlite')),
      trustedProxies: config.trustedProxies,
      forwardAuthKey: config.forwardAuthKey,
      upstreams: config.upstreams,
      profitBodyLimitBytes: config.profitBodyLimitBytes,
      messagePayloadLimitBytes: config.messagePayloadLimitBytes,
      runtime: options.runtime ?? nodeRuntime,
      adminKeys,
      otpHasher,
      mailOutbox,
      idempotency,
    }),
    adapter,
    // Nest's own JSON parser would refuse empty bodies; acceptEmptyJsonBodies installs ours.
    { logger: new PinoLoggerService(logger), bodyParser: false },
  );
  app.getHttpServer().maxConnections = config.http.maxConnections;
  checkAdminKeyBeforeBody(app.getHttpAdapter().getInstance(), adminKeys, app.get<TrustedProxies>(TRUSTED_PROXIES));
  acceptEmptyJsonBodies(app);
  app.enableShutdownHooks();
  setupOpenApi(app);
  const closeStores = async () => {
    await mailOutbox.close();
    await closeReadSide();
    await idempotency.close();
    await eventStore.close();
    apiDatabase.close();
  };
  app.getHttpAdapter().getInstance().addHook('onClose', closeStores);
  await readSide.start();
  return { app, eventStore, readStore, projections, readSide };
}

/**
 * `curl -H 'Content-Type: application/json' -X POST …/unblock` sends no body; Fastify would refuse
 * that with 400. An empty body is no body; anything else goes to Fastify's own (safe) JSON parser.
 */
function acceptEmptyJsonBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' ? done(null, undefined) : parseJson(request, String(body), done),
  );
}
