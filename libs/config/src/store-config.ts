import { resolve } from 'node:path';
import { z } from 'zod';

/** A setting that stops the service or a CLI: its message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Where the events and read models live: the service and the CLIs read these alike. */
export const storeSettings = {
  DATA_DIR: z.string().min(1).default('./data'),
  EVENT_STORE: z.enum(['sqlite', 'eventstoredb']).default('sqlite'),
  EVENTSTOREDB_URL: z.string().optional(),
  READ_STORE: z.enum(['sqlite', 'mongodb']).default('sqlite'),
  MONGODB_URL: z.string().optional(),
  MONGODB_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/).default('app_connectors'),
};

type StoreSettings = z.output<z.ZodObject<typeof storeSettings>>;

/** A schema holding the store settings, refined so that an external store comes with its URL. */
export function requireStoreUrls<T extends z.ZodType<StoreSettings>>(schema: T): T {
  return schema
    .refine((c) => c.EVENT_STORE !== 'eventstoredb' || !!c.EVENTSTOREDB_URL, {
      message: 'EVENTSTOREDB_URL is required when EVENT_STORE=eventstoredb',
      path: ['EVENTSTOREDB_URL'],
    })
    .refine((c) => c.READ_STORE !== 'mongodb' || !!c.MONGODB_URL, {
      message: 'MONGODB_URL is required when READ_STORE=mongodb',
      path: ['MONGODB_URL'],
    });
}

/**
 * The service runs on one stack: both stores embedded (one instance, SQLite files in DATA_DIR) or
 * both on servers (EventStoreDB and MongoDB, shared by several instances). Half of the server stack
 * would leave every instance its own read models, or its own events: refused, naming what is missing.
 */
export function requireOneStack<T extends z.ZodType<StoreSettings>>(schema: T): T {
  return schema.superRefine((c, context) => {
    if (c.EVENT_STORE === 'eventstoredb' && c.READ_STORE !== 'mongodb') {
      context.addIssue({
        code: 'custom',
        path: ['READ_STORE'],
        message: 'EVENT_STORE=eventstoredb is the server stack: set READ_STORE=mongodb and MONGODB_URL too (or EVENT_STORE=sqlite for the embedded one)',
      });
    }
    if (c.READ_STORE === 'mongodb' && c.EVENT_STORE !== 'eventstoredb') {
      context.addIssue({
        code: 'custom',
        path: ['EVENT_STORE'],
        message: 'READ_STORE=mongodb is the server stack: set EVENT_STORE=eventstoredb and EVENTSTOREDB_URL too (or READ_STORE=sqlite for the embedded one)',
      });
    }
  });
}

export interface StoreConfig {
  readonly dataDir: string;
  readonly eventStore: { kind: 'sqlite'; file: string } | { kind: 'eventstoredb'; connectionString: string };
  readonly readStore: { kind: 'sqlite'; file: string } | { kind: 'mongodb'; url: string; database: string };
}

/** The environment read by `schema`, or a ConfigError listing every invalid variable. */
export function parseSettings<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  // An empty variable (`ADMIN_API_KEY=` in an env file) means unset, as shells and compose files use it.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${reasons.join('\n  ')}`);
  }
  return parsed.data;
}

export function toStoreConfig(c: StoreSettings): StoreConfig {
  const dataDir = resolve(c.DATA_DIR);
  return {
    dataDir,
    eventStore:
      c.EVENT_STORE === 'eventstoredb'
        ? { kind: 'eventstoredb', connectionString: c.EVENTSTOREDB_URL as string }
        : { kind: 'sqlite', file: resolve(dataDir, 'events.sqlite') },
    readStore:
      c.READ_STORE === 'mongodb'
        ? { kind: 'mongodb', url: c.MONGODB_URL as string, database: c.MONGODB_DATABASE }
        : { kind: 'sqlite', file: resolve(dataDir, 'read-models.sqlite') },
  };
}

const storeSchema = requireStoreUrls(z.object(storeSettings));

/** The store settings alone, for the CLIs that open the service's stores. */
export function loadStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  return toStoreConfig(parseSettings(storeSchema, env));
}
