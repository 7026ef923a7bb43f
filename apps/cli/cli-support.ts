import { existsSync } from 'node:fs';
import { ConfigError, type StoreConfig } from '#config';
import { DomainError } from '#domain';

/** A refusal the user can act on: printed as one line, exit code 1, no stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * Opening SQLite creates a missing file, so a mistyped DATA_DIR would quietly show an empty store
 * (or leave one behind); refuse instead.
 */
export function requireExistingEventStore(config: StoreConfig): void {
  if (config.eventStore.kind === 'sqlite' && !existsSync(config.eventStore.file)) {
    throw new CliError(`no event store at ${config.eventStore.file}: set DATA_DIR to the service's data folder`);
  }
}

const isUsageError = (error: unknown): error is TypeError =>
  error instanceof TypeError && String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');

function describeFailure(error: unknown): string {
  if (isUsageError(error)) return `${error.message}; see --help`;
  if (error instanceof CliError || error instanceof ConfigError || error instanceof DomainError) return error.message;
  return String((error as Error)?.stack ?? error);
}

/** Runs a CLI's main: refusals become one line on stderr and exit code 1; anything else its stack. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name}: ${describeFailure(error)}\n`);
    process.exitCode = 1;
  });
}
