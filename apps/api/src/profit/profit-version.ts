import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'app-connectors';

/** This service's package.json version: the same from the sources (tests) and from dist/ (npm start). */
function readServiceVersion(): string {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    }
    if (dirname(folder) === folder) throw new Error(`no package.json of ${PACKAGE_NAME} above ${fileURLToPath(import.meta.url)}`);
  }
}

/**
 * ProfitVersion's answer, `{"version": "<this service's version>"}`: an object rather than a bare
 * string, so that clients parsing JSON get a named field and the answer can grow without breaking them.
 */
export const PROFIT_VERSION_JSON = JSON.stringify({ version: readServiceVersion() });
