import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

// No EventStoreDB server can run everywhere the tests run, so the suite needs one to be pointed
// at it (e.g. EVENTSTOREDB_URL=esdb://localhost:2113?tls=false) and is visibly skipped otherwise.
const url = process.env['EVENTSTOREDB_URL'];

if (url) {
  describeEventStoreContract('eventstoredb', async () => new EventStoreDbEventStore(url));
} else {
  // Straight to stdout: jest swallows console output of a file whose tests are all skipped.
  process.stdout.write('EventStoreDB contract suite skipped: EVENTSTOREDB_URL not set\n');
  describe.skip('EventStore contract: eventstoredb (EVENTSTOREDB_URL not set)', () => {
    it.skip('runs against a server named by EVENTSTOREDB_URL', () => undefined);
  });
}
