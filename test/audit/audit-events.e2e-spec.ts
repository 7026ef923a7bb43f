import type request from 'supertest';
import type { RecordedEvent } from '#event-store';
import { connectorSetup, registerEnvironment } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { connectorStory } from './support/connector-story.js';

interface Entry {
  position: number;
  type: string;
  environmentId: string | null;
  time: string;
}

describe('GET /api/v1/audit/events and …/export', () => {
  let app: TestApp;
  let story: Awaited<ReturnType<typeof connectorStory>>;
  let other: Awaited<ReturnType<typeof connectorSetup>>;
  let environmentKey: string;
  let events: RecordedEvent[];
  let head: number;
  beforeAll(async () => {
    app = await startTestApp();
    story = await connectorStory(app.admin());
    other = await connectorSetup(app.admin());
    ({ environmentKey } = await registerEnvironment(app.admin()));
    events = await app.eventStore.readAll();
    head = await app.headPosition();
  });
  afterAll(() => app.close());

  // Every query waits for the read side to hold the last change (read-your-writes).
  const list = (query = '') => app.admin().get(`/api/v1/audit/events?minPosition=${head}${query}`);
  const exported = (query = '') => app.admin().get(`/api/v1/audit/events/export?minPosition=${head}${query}`);
  const positions = async (query: string): Promise<number[]> => (await list(`&limit=1000${query}`).expect(200)).body.items.map((entry: Entry) => entry.position);
  const positionsOf = (match: (event: RecordedEvent) => boolean) => events.filter(match).map((event) => event.position);
  const inEnvironment = (environmentId: string) => (event: RecordedEvent) => event.data['environmentId'] === environmentId;

  it('lists every change in event-store order, with its metadata and a summary', async () => {
    const { body, headers } = await list('&limit=1000').expect(200);
    expect(Number(headers['x-projection-position'])).toBeGreaterThanOrEqual(head);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((entry: Entry) => entry.position)).toEqual(events.map((event) => event.position));
    const granted = events.find((event) => event.type === 'GetConnectorsGranted')!;
    expect(body.items.find((entry: Entry) => entry.position === granted.position)).toEqual({
      position: granted.position,
      eventId: granted.id,
      streamId: granted.streamId,
      type: 'GetConnectorsGranted',
      time: granted.metadata.time,
      actor: 'admin',
      sourceIp: '127.0.0.1',
      correlationId: granted.metadata.correlationId,
      causationId: granted.metadata.causationId,
      environmentId: story.environmentId,
      summary: `app connector ${story.id}: granted GetConnectors Profit_Debtors`,
    });
  });

  it('pages to the end with the cursors it gives, without gaps or repeats', async () => {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Entry[]; nextCursor: string | null } } = await list(`&limit=4${cursor === null ? '' : `&cursor=${cursor}`}`).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual((await list('&limit=1000').expect(200)).body.items);
    expect((await list().expect(200)).body.items).toHaveLength(Math.min(100, events.length));
  });

  it('filters by environment, actor, types (repeated or comma-separated) and time, combined', async () => {
    expect(await positions(`&environmentId=${story.environmentId}`)).toEqual(positionsOf(inEnvironment(story.environmentId)));
    expect(await positions(`&environmentId=${other.environmentId}`)).toEqual(positionsOf(inEnvironment(other.environmentId)));
    expect(await positions('&actor=admin')).toEqual(events.map((event) => event.position));
    const tokenEvents = positionsOf((event) => ['TokenGenerated', 'TokenRevoked'].includes(event.type));
    expect(await positions('&type=TokenGenerated&type=TokenRevoked')).toEqual(tokenEvents);
    expect(await positions('&type=TokenGenerated,TokenRevoked')).toEqual(tokenEvents);
    const [from, to] = [events[3]!.metadata.time, events[8]!.metadata.time];
    expect(await positions(`&from=${from}&to=${to}`)).toEqual(events.slice(3, 8).map((event) => event.position));
    const offsetFrom = new Date(Date.parse(from) + 3_600_000).toISOString().replace('Z', '+01:00');
    expect(await positions(`&from=${encodeURIComponent(offsetFrom)}&to=${to}`)).toEqual(events.slice(3, 8).map((event) => event.position));
    expect(await positions(`&environmentId=${story.environmentId}&type=AppConnectorCreated,UserRegistered&actor=admin&from=${events[0]!.metadata.time}`)).toEqual(
      positionsOf((event) => inEnvironment(story.environmentId)(event) && ['AppConnectorCreated', 'UserRegistered'].includes(event.type)),
    );
  });

  it.each(['&environmentId=99999', '&actor=nobody', '&type=NoSuchEvent', '&from=2100-01-01T00:00:00Z', '&to=2000-01-01T00:00:00Z'])('matches nothing for %s', async (query) => {
    expect((await list(query).expect(200)).body).toMatchObject({ items: [], nextCursor: null });
  });

  it.each([
    ['&limit=0', 'validation_failed'],
    ['&limit=1001', 'validation_failed'],
    ['&limit=ten', 'validation_failed'],
    ['&cursor=abc', 'invalid_cursor'],
    ['&cursor=audit-events.x1', 'invalid_cursor'],
    ['&cursor=app-connectors.5', 'invalid_cursor'],
    ['&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'validation_failed'],
    ['&from=yesterday', 'validation_failed'],
    ['&to=2026-01-01', 'validation_failed'],
    ['&type=Token-Generated', 'validation_failed'],
    ['&environmentId=not%20an%20id', 'validation_failed'],
    ['&page=2', 'validation_failed'],
  ])('refuses %s with 400 problem+json, changing nothing', async (query, code) => {
    const response = await list(query).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code });
    expect(await app.headPosition()).toBe(head);
  });

  it('exports the same entries as the listing, one JSON object per line, as application/x-ndjson', async () => {
    for (const query of ['', `&environmentId=${story.environmentId}`, '&type=TokenGenerated,TokenRevoked']) {
      const response = await exported(query).buffer(true).parse(collectText).expect(200);
      expect(response.headers['content-type']).toContain('application/x-ndjson');
      const text = response.body as string;
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      expect(lines.map((line) => JSON.parse(line))).toEqual((await list(`&limit=1000${query}`).expect(200)).body.items);
    }
  });

  it('exports nothing but an empty body when nothing matches, and refuses a malformed filter before streaming', async () => {
    expect((await exported('&actor=nobody').buffer(true).parse(collectText).expect(200)).body).toBe('');
    const refused = await exported('&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z').expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await exported('&limit=5').expect(400)).body).toMatchObject({ code: 'validation_failed' });
    expect(await app.headPosition()).toBe(head);
  });

  it('never shows a token, a token hash or an environment key, nor their hashes', async () => {
    const hashes = events.flatMap((event) => Object.values(event.data).filter((value) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)));
    expect(hashes.length).toBeGreaterThanOrEqual(3);
    const texts = [(await list('&limit=1000').expect(200)).text, (await exported().buffer(true).parse(collectText).expect(200)).body as string];
    for (const text of texts) {
      for (const secret of [...hashes, story.tokenData, story.tokenText, environmentKey, 'tokenHash', 'environmentKeyHash']) expect(text).not.toContain(secret);
    }
  });

  it('refuses both routes without the admin key', async () => {
    for (const path of ['/api/v1/audit/events', '/api/v1/audit/events/export']) {
      const anonymous = await app.anonymous().get(path).expect(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      await app.anonymous().get(path).set('Authorization', 'Bearer wrong-key-0123456789').expect(401);
    }
  });

  it('is documented in OpenAPI with its filters', async () => {
    const { body } = await app.anonymous().get('/docs-json').expect(200);
    const list = body.paths['/api/v1/audit/events'].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['environmentId', 'actor', 'type', 'from', 'to', 'limit', 'cursor', 'minPosition']),
    );
    const exportOperation = body.paths['/api/v1/audit/events/export'].get;
    expect(exportOperation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['environmentId', 'actor', 'type', 'from', 'to']));
    expect(Object.keys(exportOperation.responses['200'].content ?? {})).toContain('application/x-ndjson');
  });
});

// supertest buffers only types it knows; NDJSON is collected as text.
function collectText(response: request.Response, done: (error: Error | null, body: string) => void) {
  const stream = response as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}
