import { MemoryEventStore } from '#event-store';
import { ProjectionRunner } from '../projection/projection-runner.js';
import { SqliteReadStore } from '../store/sqlite/sqlite-read-store.js';
import { silentLogger, temporaryDirectory } from '../testing/sqlite-fixture.js';
import { readModelProjections } from './read-models.js';
import { appendEnvironmentHistory } from './testing/environment-history.js';

describe('registered read models', () => {
  it('project the whole history through the runner without dead letters', async () => {
    const files = temporaryDirectory('read-models-');
    const eventStore = new MemoryEventStore();
    const store = SqliteReadStore.open({ file: files.file('read.db') });
    const events = await appendEnvironmentHistory(eventStore);
    const runner = new ProjectionRunner({ eventStore, store, projections: readModelProjections(), logger: silentLogger });
    await runner.start();
    expect(await runner.waitForPosition(events.at(-1)!.position, 5_000)).toBe(true);
    const status = await runner.status();
    await runner.stop();
    await store.close();
    await eventStore.close();
    files.cleanup();
    expect(status.deadLetters).toBe(0);
    expect(status.projections.map((projection) => projection.name)).toEqual(['environments', 'app_connectors', 'tokens', 'users', 'user_groups']);
  });
});
