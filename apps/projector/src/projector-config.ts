import { z } from 'zod';
import { parseSettings, requireStoreUrls, storeSettings, toStoreConfig, type StoreConfig } from '#config';

/** The service's variables the projector reads; the others (PORT, PROJECTIONS, …) are the service's alone and ignored here. */
export const PROJECTOR_VARIABLES = {
  DATA_DIR: 'Folder of the embedded SQLite files, the service\'s (default ./data).',
  EVENT_STORE: 'sqlite (default, embedded) or eventstoredb.',
  EVENTSTOREDB_URL: 'EventStoreDB connection string, when EVENT_STORE=eventstoredb.',
  READ_STORE: 'sqlite (default, embedded) or mongodb.',
  MONGODB_URL: 'MongoDB connection string (a standalone server or a replica set), when READ_STORE=mongodb.',
  MONGODB_DATABASE: 'MongoDB database of the read models (default app_connectors).',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent.',
} as const;

const schema = requireStoreUrls(
  z.object({ ...storeSettings, LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }),
);

export interface ProjectorConfig extends StoreConfig {
  readonly logLevel: string;
}

export function loadProjectorConfig(env: Record<string, string | undefined>): ProjectorConfig {
  const settings = parseSettings(schema, env);
  return { ...toStoreConfig(settings), logLevel: settings.LOG_LEVEL };
}
