import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError } from '#config';
import { createEventStore } from '#event-store';
import { openReadSide, OtherReleaseProjectingError } from '#read-model';
import { loadProjectorConfig, PROJECTOR_VARIABLES } from './projector-config.js';

const HELP = `app-connectors projector: keeps the read models current, as its own process.

Usage: npm run start:projector [-- --help]
       node --max-semi-space-size=32 dist/apps/projector/src/main.js [--help]

Projects while it holds the read store's projector lease: one process at a time projects into a
read store. Another projector (or a service started with PROJECTIONS=on) waits and takes over within
seconds when the holder stops or dies. Start the API instances with PROJECTIONS=off beside it: they
serve commands, queries and the guard, and their queries wait for what this process commits.
Stops on SIGTERM or SIGINT, letting the lease go.

Configuration comes from the service's environment variables:
${Object.entries(PROJECTOR_VARIABLES)
  .map(([name, text]) => `  ${name.padEnd(20)} ${text}`)
  .join('\n')}
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const config = loadProjectorConfig(process.env);
  const logger = pino({ level: config.logLevel });
  const log = { context: 'projector' };
  const eventStore = await createEventStore(config.eventStore);
  const { readSide, close } = await openReadSide({
    eventStore,
    readStore: config.readStore,
    project: true,
    logger: {
      info: (message) => logger.info(log, message),
      warn: (message) => logger.warn(log, message),
      error: (message) => logger.error(log, message),
    },
  }).catch(async (error: unknown) => {
    await eventStore.close();
    throw error;
  });
  // Nothing else holds the event loop open while standing by: this keeps the process alive until a signal.
  const alive = setInterval(() => undefined, 1 << 30);
  const shutDown = async (signal: string) => {
    logger.info(log, `${signal}: stopping`);
    clearInterval(alive);
    await close();
    await eventStore.close();
  };
  process.once('SIGTERM', () => void shutDown('SIGTERM'));
  process.once('SIGINT', () => void shutDown('SIGINT'));
  await readSide.start();
  logger.info({ ...log, dataDir: config.dataDir }, 'projector started');
}

const isRefusal = (error: unknown) => error instanceof ConfigError || error instanceof TypeError || error instanceof OtherReleaseProjectingError;

main().catch((error: unknown) => {
  const message = isRefusal(error) ? (error as Error).message : String((error as Error)?.stack ?? error);
  process.stderr.write(`app-connectors projector: ${message}\n`);
  process.exit(1);
});
