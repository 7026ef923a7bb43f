import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadStoreContract } from '../contract/read-store.contract.js';
import { SqliteReadStore } from './sqlite-read-store.js';

const directory = mkdtempSync(join(tmpdir(), 'read-store-contract-'));
let counter = 0;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeReadStoreContract('sqlite', async () => SqliteReadStore.open({ file: join(directory, `store-${++counter}.db`) }));
