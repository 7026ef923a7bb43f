import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary directory for SQLite files, removed by `cleanup`. */
export function temporaryDirectory(prefix: string): { file(name: string): string; cleanup(): void } {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  return {
    file: (name) => join(directory, name),
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

export const silentLogger = { warn: () => undefined, error: () => undefined };
