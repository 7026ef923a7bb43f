import type { RecordedEvent } from '#event-store';
import { connectorSetup } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { connectorStory } from './support/connector-story.js';
import { runCli } from './support/run-cli.js';

/** The auditor CLI's listing of all changes, reading the data folder the in-process service writes. */
describe('audit CLI: all changes (node dist/apps/cli/audit.js [filters])', () => {
  let app: TestApp;
  let story: Awaited<ReturnType<typeof connectorStory>>;
  let events: RecordedEvent[];
  const audit = (...args: string[]) => runCli('audit', args, { DATA_DIR: app.dataDir });
  const positionsOf = (match: (event: RecordedEvent) => boolean) => events.filter(match).map((event) => event.position);
  const linePositions = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => Number(line.split('  ')[0]));

  beforeAll(async () => {
    app = await startTestApp();
    story = await connectorStory(app.admin());
    await connectorSetup(app.admin());
    events = await app.eventStore.readAll();
  });
  afterAll(() => app.close());

  it('prints one line per change in event-store order: position, time, actor, environment, type, summary', async () => {
    const run = await audit();
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(linePositions(run.stdout)).toEqual(events.map((event) => event.position));
    const granted = events.find((event) => event.type === 'GetConnectorsGranted')!;
    expect(run.stdout).toContain(
      `${granted.position}  ${granted.metadata.time}  admin  ${story.environmentId}  GetConnectorsGranted  app connector ${story.id}: granted GetConnectors Profit_Debtors\n`,
    );
    const tokenHash = String(events.find((event) => event.type === 'TokenGenerated')!.data['tokenHash']);
    expect(run.stdout).not.toContain(tokenHash);
    expect(run.stdout).not.toContain(story.tokenData);
  });

  it('with --ndjson prints the entries GET /api/v1/audit/events lists', async () => {
    const run = await audit('--ndjson', '--environment', story.environmentId);
    expect(run.code).toBe(0);
    const head = events.at(-1)!.position;
    const listed = await app.admin().get(`/api/v1/audit/events?limit=1000&environmentId=${story.environmentId}&minPosition=${head}`).expect(200);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(listed.body.items);
  });

  // Seven processes: started at once, and given the time a loaded machine takes to start them.
  it('filters by environment, actor, types and time, combined', async () => {
    const inStory = (event: RecordedEvent) => event.data['environmentId'] === story.environmentId;
    const tokens = ['TokenGenerated', 'TokenRevoked'];
    const isToken = (event: RecordedEvent) => tokens.includes(event.type);
    const [from, to] = [events[2]!.metadata.time, events[6]!.metadata.time];
    const nothing = [['--actor', 'nobody'], ['--environment', '99999'], ['--type', 'NoSuchEvent']];
    const [byEnvironment, byTypes, byTypesAndActor, byTime, ...empty] = await Promise.all([
      audit('--environment', story.environmentId),
      audit('--type', 'TokenGenerated', '--type', 'TokenRevoked'),
      audit('--type', 'TokenGenerated,TokenRevoked', '--actor', 'admin'),
      audit('--from', from, '--to', to),
      ...nothing.map((args) => audit(...args)),
    ]);
    expect(linePositions(byEnvironment.stdout)).toEqual(positionsOf(inStory));
    expect(linePositions(byTypes.stdout)).toEqual(positionsOf(isToken));
    expect(linePositions(byTypesAndActor.stdout)).toEqual(positionsOf(isToken));
    expect(linePositions(byTime.stdout)).toEqual(events.slice(2, 6).map((event) => event.position));
    for (const run of empty) expect(run).toMatchObject({ code: 0, stdout: '' });
  }, 30_000);

  it.each([
    [['--from', '2026-02-01T00:00:00Z', '--to', '2026-01-01T00:00:00Z'], /--from is after --to/],
    [['--from', 'yesterday'], /--from "yesterday" is not an ISO-8601 time/],
    [['--environment', 'not an id'], /is not an environment id/],
    [['--type', ','], /--type needs event type names/],
    [['--json'], /--json needs <environmentId> <appConnectorId>/],
    [['12345', 'c-1', '--type', 'TokenGenerated'], /--type lists all changes/],
  ])('exits with code 1 and a clear message for %j', async (args, message) => {
    const run = await audit(...args);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(message);
  });

  it('explains the listing and each filter in --help', async () => {
    const { stdout } = await runCli('audit', ['--help'], {});
    expect(stdout).toContain('npm run audit -- [--environment <id>] [--actor <name>] [--type <Type>]... [--from <time>] [--to <time>] [--ndjson]');
    for (const option of ['--environment <id>', '--actor <name>', '--type <Type>', '--from <time>', '--to <time>', '--ndjson']) expect(stdout).toContain(`  ${option}`);
  });
});
