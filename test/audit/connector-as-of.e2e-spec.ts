import { startTestApp, type TestApp } from '../support/test-app.js';
import { connectorStory, streamOf } from './support/connector-story.js';

describe('GET …/app-connectors/{id}/as-of (time travel)', () => {
  let app: TestApp;
  let story: Awaited<ReturnType<typeof connectorStory>>;
  let times: string[];
  beforeAll(async () => {
    app = await startTestApp();
    story = await connectorStory(app.admin());
    times = (await app.eventStore.readStream(streamOf(story.environmentId, story.id))).map((event) => event.metadata.time);
  });
  afterAll(() => app.close());

  const asOf = (query: string) => app.admin().get(`${story.base}/as-of?${query}`);
  const between = (earlier: string, later: string) => new Date((Date.parse(earlier) + Date.parse(later)) / 2).toISOString();

  it('shows the connector as it was at a version', async () => {
    const first = (await asOf('version=1').expect(200)).body;
    expect(first).toMatchObject({ id: story.id, version: 1, blocked: true, description: 'Webshop', getConnectors: [], ipRestrictions: [], tokens: [] });
    expect(first).toMatchObject({ changedAt: times[0], changedBy: 'admin' });
    const fourth = (await asOf('version=4').expect(200)).body;
    expect(fourth).toMatchObject({ version: 4, blocked: true, getConnectors: ['Profit_Debtors'], ipRestrictions: [{ access: 'allow', cidr: '10.0.0.0/8' }] });
    expect(fourth.tokens).toEqual([{ id: story.tokenId, userId: story.userId, description: 'laptop', hint: story.tokenHint, revoked: false, expiresAt: null }]);
  });

  it('at the last version equals what the last command answered', async () => {
    const { changedAt, changedBy, ...connector } = (await asOf('version=7').expect(200)).body;
    expect(connector).toEqual(story.lastAnswer);
    expect([changedAt, changedBy]).toEqual([times[6], 'admin']);
  });

  it('at a time between two changes shows the state after the earlier one', async () => {
    const body = (await asOf(`at=${between(times[3]!, times[4]!)}`).expect(200)).body;
    expect(body).toMatchObject({ version: 4, blocked: true, tokens: [{ id: story.tokenId, revoked: false }] });
    const later = (await asOf(`at=${encodeURIComponent(between(times[6]!, new Date().toISOString()))}`).expect(200)).body;
    expect(later).toMatchObject({ version: 7, blocked: false, description: 'Webshop 2', tokens: [{ id: story.tokenId, revoked: true }] });
  });

  it('accepts a time with an offset, and exactly the time of a change includes it', async () => {
    const at = new Date(Date.parse(times[1]!)).toISOString().replace('Z', '+00:00');
    expect((await asOf(`at=${encodeURIComponent(at)}`).expect(200)).body.version).toBe(2);
  });

  it('never shows token hashes', async () => {
    const text = (await asOf('version=7').expect(200)).text;
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    expect(text).not.toContain(story.tokenData);
  });

  it.each([
    ['a time before creation', () => `at=${new Date(Date.parse(times[0]!) - 1000).toISOString()}`, 'app_connector_not_yet_created', /did not exist yet/],
    ['a version beyond the stream', () => 'version=8', 'version_not_found', /has 7 version/],
  ])('answers 404 for %s with the reason', async (_, query, code, detail) => {
    const response = await asOf(query()).expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code });
    expect(response.body.detail).toMatch(detail);
  });

  it('answers 404 for an unknown connector', async () => {
    const response = await app.admin().get(`/api/v1/environments/${story.environmentId}/app-connectors/nope/as-of?version=1`).expect(404);
    expect(response.body.code).toBe('app_connector_not_found');
  });

  it.each([
    ['neither at nor version', ''],
    ['both at and version', 'version=1&at=2025-03-01T10:00:00Z'],
    ['a time without offset', 'at=2025-03-01T10:00:00'],
    ['a date only', 'at=2025-03-01'],
    ['an impossible date', 'at=2025-13-01T10:00:00Z'],
    ['words', 'at=yesterday'],
    ['version 0', 'version=0'],
    ['a fractional version', 'version=1.5'],
    ['a non-numeric version', 'version=two'],
    ['an unknown parameter', 'version=1&verison=2'],
  ])('refuses %s with 400', async (_, query) => {
    const response = await asOf(query).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('refuses requests without the admin key with 401', async () => {
    await app.anonymous().get(`${story.base}/as-of?version=1`).expect(401);
  });
});
