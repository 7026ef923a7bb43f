import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeProjectorLeaseContract } from '../contract/projector-lease.contract.js';
import { SqliteProjectorLease } from './sqlite-projector-lease.js';

describeProjectorLeaseContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'projector-lease-'));
  return {
    leases: async () => new SqliteProjectorLease(join(dir, 'read-models.sqlite')),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
