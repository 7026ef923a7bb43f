import { startTestApp, type TestApp } from '../support/test-app.js';
import { connectorStory, streamOf } from './support/connector-story.js';
import { runCli } from './support/run-cli.js';

/** The auditor CLI from dist/, reading the data folder the in-process service writes (SQLite WAL allows both). */
describe('audit CLI (node dist/apps/cli/audit.js)', () => {
  let app: TestApp;
  let story: Awaited<ReturnType<typeof connectorStory>>;
  let times: string[];
  let tokenHash: string;
  const audit = (...args: string[]) => runCli('audit', args, { DATA_DIR: app.dataDir });

  beforeAll(async () => {
    app = await startTestApp();
    story = await connectorStory(app.admin());
    const stored = await app.eventStore.readStream(streamOf(story.environmentId, story.id));
    times = stored.map((event) => event.metadata.time);
    tokenHash = String(stored[3]!.data.tokenHash);
  });
  afterAll(() => app.close());

  it('prints one timeline line per event: time, actor, version, type, what changed', async () => {
    const run = await audit(story.environmentId, story.id);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    const expected: [string, string][] = [
      ['AppConnectorCreated', `created "Webshop" for user group ${story.groupId}, blocked`],
      ['GetConnectorsGranted', 'granted GetConnectors Profit_Debtors'],
      ['IpRestrictionAdded', 'IP restriction allow 10.0.0.0/8 added'],
      ['TokenGenerated', `token ${story.tokenHint} for ${story.userId} (laptop) generated`],
      ['AppConnectorUnblocked', 'unblocked'],
      ['AppConnectorDescriptionChanged', 'description changed from "Webshop" to "Webshop 2"'],
      ['TokenRevoked', `token ${story.tokenHint} for ${story.userId} (laptop) revoked`],
    ];
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, index) => {
      const [type, summary] = expected[index]!;
      expect(line.split(/ {2,}/)).toEqual([times[index], 'admin', `v${index + 1}`, type, summary]);
    });
    expect(run.stdout).not.toContain(tokenHash);
  });

  it('with --at also prints the state at that time', async () => {
    const at = new Date((Date.parse(times[3]!) + Date.parse(times[4]!)) / 2).toISOString();
    const run = await audit(story.environmentId, story.id, '--at', at);
    expect(run.code).toBe(0);
    const state = run.stdout.split('\n\n')[1]!;
    expect(state).toContain(`State at ${at}: version 4, changed ${times[3]} by admin`);
    expect(state).toMatch(/blocked\s+yes/);
    expect(state).toMatch(/GetConnectors\s+Profit_Debtors/);
    expect(state).toMatch(/IP restrictions\s+allow 10\.0\.0\.0\/8/);
    expect(state).toContain(`${story.tokenHint} for ${story.userId} (laptop)`);
    expect(state).not.toContain('revoked');
  });

  it('with --json prints one sanitised event per line, and the state last with --at', async () => {
    const run = await audit(story.environmentId, story.id, '--json', '--at', times[6]!);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const events = lines.slice(0, -1);
    expect(events.map((event) => event.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events[3]).toMatchObject({ type: 'TokenGenerated', actor: 'admin', sourceIp: '127.0.0.1', data: { tokenHint: story.tokenHint } });
    const historyPage = (await app.admin().get(`${story.base}/history`).expect(200)).body.items;
    expect(events).toEqual(historyPage);
    expect(lines.at(-1)).toMatchObject({ at: times[6], connector: { version: 7, description: 'Webshop 2' } });
    expect(run.stdout).not.toContain(tokenHash);
    expect(run.stdout).not.toContain(story.tokenData);
  });

  it.each([
    ['an unknown connector', () => [story.environmentId, 'nope'], /app connector nope does not exist/],
    ['a time before creation', () => [story.environmentId, story.id, '--at', '2000-01-01T00:00:00Z'], /did not exist yet/],
    ['a malformed time', () => [story.environmentId, story.id, '--at', 'yesterday'], /not an ISO-8601 time/],
    ['a missing connector id', () => [story.environmentId], /expected <environmentId> <appConnectorId>/],
    ['an unknown option', () => [story.environmentId, story.id, '--since', 'x'], /--since/],
  ])('exits with code 1 and a clear message for %s', async (_, args, message) => {
    const run = await audit(...args());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a data folder without an event store instead of creating one', async () => {
    const run = await runCli('audit', ['12345', 'c-1'], { DATA_DIR: `${app.dataDir}/missing` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no event store at .*missing/);
  });

  it('explains itself with --help', async () => {
    const run = await runCli('audit', ['--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run audit -- <environmentId> <appConnectorId> [--at <time>] [--json]');
  });
});
