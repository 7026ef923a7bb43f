import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, '../testing/close-stores-child.mjs');

describe('the embedded stores’ worker threads', () => {
  it('keep a process that has nothing else to do alive until they are closed', () => {
    if (!existsSync(resolve(here, '../../../../dist/libs/read-model/src/index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    const dir = mkdtempSync(join(tmpdir(), 'close-stores-'));
    try {
      const result = spawnSync(process.execPath, [child, dir], { encoding: 'utf8', timeout: 20_000 });
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: 'closed\n', stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
