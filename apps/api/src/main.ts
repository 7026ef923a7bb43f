import { parseArgs } from 'node:util';
import { describeStack } from '#config';
import { createApp } from './bootstrap/create-app.js';
import { OtherReleaseProjectingError } from '#read-model';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config/app-config.js';
import { createLogger } from './http/create-logger.js';

const HELP = `app-connectors API: admin command API for app connectors (event-sourced).

Usage: npm start [-- --help]
       node dist/apps/api/src/main.js [--help]

Configuration comes from environment variables:
${Object.entries(CONFIG_VARIABLES)
  .map(([name, text]) => `  ${name.padEnd(28)} ${text}`)
  .join('\n')}

Docs: http://HOST:PORT/docs (OpenAPI JSON at /docs-json); health: /health.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  logger.info({ context: 'stores' }, describeStack(config, process.env));
  const { app } = await createApp(config, { logger });
  await app.listen(config.port, config.host);
}

/** Errors the operator can act on from their message alone: no stack. */
function isRefusal(error: unknown): boolean {
  if (error instanceof ConfigError || error instanceof TypeError || error instanceof OtherReleaseProjectingError) return true;
  return (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
}

main().catch((error: unknown) => {
  const message = isRefusal(error) ? (error as Error).message : String((error as Error)?.stack ?? error);
  process.stderr.write(`app-connectors: ${message}\n`);
  process.exit(1);
});
