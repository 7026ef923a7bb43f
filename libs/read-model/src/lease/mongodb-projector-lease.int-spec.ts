import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeProjectorLeaseContract } from '../contract/projector-lease.contract.js';
import { MongoProjectorLease } from './mongodb-projector-lease.js';

const url = process.env['MONGODB_URL'];

if (url) {
  describeProjectorLeaseContract('mongodb', async () => {
    const database = `projector_lease_contract_${randomUUID().slice(0, 8)}`;
    return {
      leases: () => MongoProjectorLease.connect(url, database),
      cleanUp: async () => {
        const client = await MongoClient.connect(url);
        await client.db(database).dropDatabase();
        await client.close();
      },
    };
  });
} else {
  // Straight to stdout: jest swallows console output of a file whose tests are all skipped.
  process.stdout.write('MongoDB projector-lease contract suite skipped: MONGODB_URL not set\n');
  describe.skip('projector lease contract: mongodb (MONGODB_URL not set)', () => {
    it('needs MONGODB_URL', () => undefined);
  });
}
