import { describeReadStoreContract } from '../contract/read-store.contract.js';
import { MemoryReadStore } from './memory-read-store.js';

describeReadStoreContract('memory', async () => new MemoryReadStore());
