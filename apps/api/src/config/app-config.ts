import { join, resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { ConfigError, parseSettings, requireOneStack, requireStoreUrls, storeSettings, toStoreConfig, type StoreConfig } from '#config';
import { loadProfitUpstreams, type ProfitUpstreams } from '../profit/profit-upstreams.js';

/** Every setting the service reads from the environment; README's configuration table mirrors it. */
export const CONFIG_VARIABLES = {
  PORT: 'TCP port of the HTTP service (default 3000).',
  HOST: 'Address to listen on (default 127.0.0.1; use 0.0.0.0 to serve other machines).',
  DATA_DIR: 'Folder of the embedded SQLite files (default ./data).',
  ADMIN_API_KEY: 'Admin bearer key. Unset on a fresh data folder: one is generated, printed once, stored hashed.',
  ADMIN_API_KEY_NAME: 'Name of that key, recorded as the actor of every change (default admin).',
  EVENT_STORE: 'sqlite (default, embedded) or eventstoredb (with READ_STORE=mongodb: the server stack).',
  EVENTSTOREDB_URL: 'EventStoreDB connection string, when EVENT_STORE=eventstoredb.',
  READ_STORE: 'sqlite (default, embedded) or mongodb (with EVENT_STORE=eventstoredb).',
  MONGODB_URL: 'MongoDB connection string (a standalone server or a replica set), when READ_STORE=mongodb.',
  MONGODB_DATABASE: 'MongoDB database of the read models (default app_connectors).',
  PROJECTIONS: 'on (default): this process projects the read models while it holds the read store\'s projector lease (one process at a time; others wait). off: it only reads what the projector (npm run start:projector) commits.',
  READ_YOUR_WRITES_TIMEOUT_MS: 'How long a query with minPosition waits for the read models before 503 (default 5000).',
  TRUSTED_PROXIES: 'Comma-separated CIDRs whose X-Forwarded-For is believed (default none).',
  FORWARD_AUTH_KEY: 'Key a reverse proxy sends as X-Forward-Auth-Key to GET /api/v1/forward-auth, from a TRUSTED_PROXIES address (at least 16 characters). Unset: no forward-auth route (404).',
  UPSTREAM_URL: 'Base URL the Profit surface forwards allowed connector calls to (none: those calls get 503).',
  'UPSTREAM_URL_<env>': 'The same for one environment (e.g. UPSTREAM_URL_12345); wins over UPSTREAM_URL.',
  PROFIT_BODY_LIMIT_MB: 'Largest request body the Profit surface forwards, in MiB (default 32); larger ones get 413.',
  MESSAGE_PAYLOAD_LIMIT_KB: 'Largest payload of a message sent to CommSvcConnector, in KiB (default 512); larger ones get 413, nothing stored.',
  REQUEST_TIMEOUT_MS: 'Longest time to receive a whole request, headers and body, before 408 (default 60000).',
  HEADERS_TIMEOUT_MS: 'Longest time to receive a request\'s headers before 408 (default 10000).',
  MAX_CONNECTIONS: 'Most open client connections; more are closed at once (default 10000).',
  IDEMPOTENCY_TTL_HOURS: 'How long an Idempotency-Key answer is kept for a retry, in hours (default 24).',
  IDEMPOTENCY_SECRET_FILE: 'File of the secret Idempotency-Key records are keyed and sealed with (32 bytes, made on the first start when absent; default DATA_DIR/idempotency.secret). Required on the server stack: every API instance must read the same file.',
  SMTP_URL: 'SMTP server the one-time passwords of token requests are sent through (smtp:// or smtps://, user and password in the URL). Unset: each e-mail is written as an .eml file under DATA_DIR/mail.',
  MAIL_FROM: 'Sender address of those e-mails (default app-connectors@localhost).',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug or trace.',
} as const;

const isAddressOrCidr = (text: string) => ipaddr.isValid(text) || ipaddr.isValidCIDR(text);

const cidrList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
  .refine((entries) => entries.every(isAddressOrCidr), 'every entry must be an IP address or a CIDR range such as 10.0.0.0/8');

/** Decimal digits only: `0x10` or `1e3` is a typo, not a number. */
const wholeNumber = z.string().regex(/^\d{1,10}$/, 'must be a whole number in decimal digits').transform(Number);

const { DATA_DIR, ...stores } = storeSettings;

/**
 * On the server stack the Idempotency-Key records are shared by every API instance: a retry may
 * reach any of them, so all must key the records with one secret. A secret each instance made for
 * itself in its own data folder would silently run a retry twice: the file must be named.
 */
function requireSharedIdempotencySecret<T extends z.ZodType<{ READ_STORE: string; IDEMPOTENCY_SECRET_FILE?: string | undefined }>>(schema: T): T {
  return schema.refine((c) => c.READ_STORE !== 'mongodb' || c.IDEMPOTENCY_SECRET_FILE !== undefined, {
    message: 'IDEMPOTENCY_SECRET_FILE is required on the server stack (READ_STORE=mongodb): name the one secret file every API instance reads',
    path: ['IDEMPOTENCY_SECRET_FILE'],
  });
}

const configSchema = requireSharedIdempotencySecret(requireOneStack(requireStoreUrls(
  z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR,
    ADMIN_API_KEY: z.string().min(16, 'ADMIN_API_KEY must have at least 16 characters').optional(),
    ADMIN_API_KEY_NAME: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only').default('admin'),
    ...stores,
    PROJECTIONS: z.enum(['on', 'off'], { error: 'must be on (this process projects the read models) or off (another process does: npm run start:projector)' }).default('on'),
    READ_YOUR_WRITES_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(5_000),
    TRUSTED_PROXIES: cidrList,
    FORWARD_AUTH_KEY: z.string().min(16, 'FORWARD_AUTH_KEY must have at least 16 characters').optional(),
    PROFIT_BODY_LIMIT_MB: z.coerce.number().int().min(1).max(1024).default(32),
    MESSAGE_PAYLOAD_LIMIT_KB: wholeNumber.pipe(z.number().min(1).max(1024 * 1024)).default(512),
    REQUEST_TIMEOUT_MS: wholeNumber.pipe(z.number().min(100).max(3_600_000)).default(60_000),
    HEADERS_TIMEOUT_MS: wholeNumber.pipe(z.number().min(100).max(600_000)).default(10_000),
    MAX_CONNECTIONS: wholeNumber.pipe(z.number().min(1).max(1_000_000)).default(10_000),
    IDEMPOTENCY_TTL_HOURS: wholeNumber.pipe(z.number().min(1).max(24 * 365)).default(24),
    IDEMPOTENCY_SECRET_FILE: z.string().optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL').optional(),
    MAIL_FROM: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address').default('app-connectors@localhost'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  }),
)));

export { ConfigError };

export interface AppConfig extends StoreConfig {
  readonly port: number;
  readonly host: string;
  readonly adminApiKey: { readonly name: string; readonly secret: string | undefined };
  /** False: this process serves queries from what another process projects. */
  readonly projections: boolean;
  readonly readYourWritesTimeoutMs: number;
  readonly trustedProxies: readonly string[];
  /** Unset: the forward-auth route is not there. */
  readonly forwardAuthKey: string | undefined;
  readonly upstreams: ProfitUpstreams;
  readonly profitBodyLimitBytes: number;
  readonly messagePayloadLimitBytes: number;
  readonly http: HttpLimits;
  readonly idempotencyTtlMs: number;
  /** The keyring secret of the Idempotency-Key records: one file every instance reads on the server stack. */
  readonly idempotencySecretFile: string;
  readonly mail: MailConfig;
  readonly logLevel: string;
}

/** Where e-mails go: an SMTP server, or (none configured) `.eml` files in the data folder. */
export interface MailConfig {
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

/** Bounds on what one client may hold open. */
interface HttpLimits {
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly maxConnections: number;
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const c = parseSettings(configSchema, env);
  if (c.FORWARD_AUTH_KEY !== undefined && c.TRUSTED_PROXIES.length === 0) {
    throw new ConfigError('invalid configuration:\n  FORWARD_AUTH_KEY: set TRUSTED_PROXIES too (forward-auth answers only the proxies named there)');
  }
  let upstreams: ProfitUpstreams;
  try {
    upstreams = loadProfitUpstreams(env);
  } catch (error) {
    throw new ConfigError(`invalid configuration:\n  ${(error as Error).message}`);
  }
  const stores = toStoreConfig(c);
  return {
    port: c.PORT,
    host: c.HOST,
    ...stores,
    adminApiKey: { name: c.ADMIN_API_KEY_NAME, secret: c.ADMIN_API_KEY },
    projections: c.PROJECTIONS === 'on',
    readYourWritesTimeoutMs: c.READ_YOUR_WRITES_TIMEOUT_MS,
    trustedProxies: c.TRUSTED_PROXIES,
    forwardAuthKey: c.FORWARD_AUTH_KEY,
    upstreams,
    profitBodyLimitBytes: c.PROFIT_BODY_LIMIT_MB * 1024 * 1024,
    messagePayloadLimitBytes: c.MESSAGE_PAYLOAD_LIMIT_KB * 1024,
    http: {
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      // Headers arrive before the body: their bound never exceeds the whole request's.
      headersTimeoutMs: Math.min(c.HEADERS_TIMEOUT_MS, c.REQUEST_TIMEOUT_MS),
      maxConnections: c.MAX_CONNECTIONS,
    },
    idempotencyTtlMs: c.IDEMPOTENCY_TTL_HOURS * 3_600_000,
    idempotencySecretFile: c.IDEMPOTENCY_SECRET_FILE === undefined ? join(stores.dataDir, 'idempotency.secret') : resolve(c.IDEMPOTENCY_SECRET_FILE),
    mail: { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM },
    logLevel: c.LOG_LEVEL,
  };
}
