import { ACCESS_INDEX, type AccessIndex } from '#guard';
import { connectorSetup, createGroup, registerEnvironment, registerUser } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Answer = { status: number; body: any; headers: Record<string, string> };

/**
 * Inputs an attacker crafts against the admin API: page cursors, numbers in query strings, control
 * and invisible characters in free text, IPv4-compatible IPv6 addresses. Every refusal is a 4xx
 * problem+json naming the field, and stores nothing.
 */
describe('input validation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'silent' });
  });
  afterAll(() => app.close());

  async function expectRefused(call: () => PromiseLike<Answer>, status = 400): Promise<Answer> {
    const before = await app.headPosition();
    const response = await call();
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status } });
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await app.headPosition()).toBe(before);
    return response;
  }

  describe('A: crafted page cursors', () => {
    let world: Awaited<ReturnType<typeof connectorSetup>>;
    beforeAll(async () => {
      world = await connectorSetup(app.admin());
      // A second page exists in every list, so a real nextCursor can be compared with crafted ones.
      await registerEnvironment(app.admin());
      await registerUser(app.admin(), world.environmentId, 'asmith');
      const second = await createGroup(app.admin(), world.environmentId);
      await app.admin().post(`/api/v1/environments/${world.environmentId}/app-connectors`).send({ description: 'Second', userGroupId: second }).expect(201);
    });

    const lists = () => [
      ['environments', '/api/v1/environments'],
      ['app-connectors', `/api/v1/environments/${world.environmentId}/app-connectors`],
      ['users', `/api/v1/environments/${world.environmentId}/users`],
      ['user-groups', `/api/v1/environments/${world.environmentId}/user-groups`],
    ] as const;

    const storePart = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const time = '2025-01-01T00:00:00.000Z';
    const crafted: [string, (list: string) => string][] = [
      ['an object as the sort value', (list) => `${list}.${storePart(['createdAt', 'asc', { a: 1 }, 'x'])}`],
      ['a query operator as the sort value', (list) => `${list}.${storePart(['createdAt', 'asc', { $gt: '' }, 'x'])}`],
      ['an array as the sort value', (list) => `${list}.${storePart(['createdAt', 'asc', [time], 'x'])}`],
      ['a number as the sort value of a time', (list) => `${list}.${storePart(['createdAt', 'asc', 42, 'x'])}`],
      ['a boolean as the sort value of a time', (list) => `${list}.${storePart(['createdAt', 'asc', true, 'x'])}`],
      ['an object as the id', (list) => `${list}.${storePart(['createdAt', 'asc', time, { $ne: null }])}`],
      ['a number as the id', (list) => `${list}.${storePart(['createdAt', 'asc', time, 7])}`],
      ['another sort field', (list) => `${list}.${storePart(['_id', 'asc', null, 'x'])}`],
      ['another direction', (list) => `${list}.${storePart(['createdAt', 'desc', time, 'x'])}`],
      ['three parts', (list) => `${list}.${storePart(['createdAt', 'asc', time])}`],
      ['five parts', (list) => `${list}.${storePart(['createdAt', 'asc', time, 'x', 'y'])}`],
      ['an object instead of the parts', (list) => `${list}.${storePart({ field: 'createdAt' })}`],
      ['no JSON', (list) => `${list}.${Buffer.from('not json').toString('base64url')}`],
      ['another list\'s prefix', (list) => `${list === 'users' ? 'user-groups' : 'users'}.${storePart(['createdAt', 'asc', time, 'x'])}`],
      ['no prefix', () => storePart(['createdAt', 'asc', time, 'x'])],
    ];

    it.each(crafted)('refuses %s on every list with 400 invalid_cursor', async (_, cursorFor) => {
      for (const [list, path] of lists()) {
        const cursor = encodeURIComponent(cursorFor(list));
        const response = await expectRefused(() => app.admin().get(`${path}?limit=1&cursor=${cursor}`));
        expect({ list, code: response.body.code, errors: response.body.errors }).toEqual({
          list,
          code: 'invalid_cursor',
          errors: [{ field: 'cursor', message: expect.stringContaining('nextCursor') }],
        });
      }
    });

    it('still follows the nextCursor every list gives', async () => {
      for (const [list, path] of lists()) {
        const first = await app.admin().get(`${path}?limit=1`).expect(200);
        expect(first.body.nextCursor).toMatch(new RegExp(`^${list}\\.`));
        const next = await app.admin().get(`${path}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`).expect(200);
        expect(next.body.items[0]).not.toEqual(first.body.items[0]);
      }
    });

    it.each(['abc', '-1', '1e3', '0x10', ' 5', '5.0', 'app-connectors.eyJ9'])('refuses the history cursor %j with 400 invalid_cursor', async (cursor) => {
      const response = await expectRefused(() => app.admin().get(`${world.base}/history?cursor=${encodeURIComponent(cursor)}`));
      expect(response.body).toMatchObject({ code: 'invalid_cursor', errors: [{ field: 'cursor' }] });
    });

    it('refuses a cursor on the token list, which has no pages', async () => {
      const response = await expectRefused(() => app.admin().get(`${world.base}/tokens?cursor=${storePart(['createdAt', 'asc', { a: 1 }, 'x'])}`));
      expect(response.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    });
  });

  describe('B: numbers in query strings are decimal digits', () => {
    let world: Awaited<ReturnType<typeof connectorSetup>>;
    beforeAll(async () => {
      world = await connectorSetup(app.admin());
    });

    const notDecimal = ['0x10', '1e1', ' 16', '16 ', '16.0', '+16', '0b10', ''];

    it.each(notDecimal)('refuses limit=%j on every paged list with a field error', async (limit) => {
      const paths = [
        '/api/v1/environments',
        `/api/v1/environments/${world.environmentId}/app-connectors`,
        `/api/v1/environments/${world.environmentId}/users`,
        `/api/v1/environments/${world.environmentId}/user-groups`,
        `${world.base}/history`,
      ];
      for (const path of paths) {
        const response = await expectRefused(() => app.admin().get(`${path}?limit=${encodeURIComponent(limit)}`));
        expect({ path, errors: response.body.errors }).toEqual({ path, errors: [{ field: 'limit', message: expect.any(String) }] });
      }
    });

    it.each(notDecimal)('refuses version=%j on the connector and its as-of view', async (version) => {
      for (const path of [world.base, `${world.base}/as-of`]) {
        const response = await expectRefused(() => app.admin().get(`${path}?version=${encodeURIComponent(version)}`));
        expect({ path, errors: response.body.errors }).toEqual({ path, errors: [{ field: 'version', message: expect.any(String) }] });
      }
    });

    it('reads decimal digits as before', async () => {
      const page = await app.admin().get(`/api/v1/environments/${world.environmentId}/users?limit=016`).expect(200);
      expect(page.body.items).toHaveLength(1);
      expect((await app.admin().get(`${world.base}?version=1`).expect(200)).body.version).toBe(1);
      expect((await app.admin().get(`${world.base}/history?limit=1&cursor=0`).expect(200)).body.items).toHaveLength(1);
    });
  });

  describe('C: control and invisible characters in free text', () => {
    let world: Awaited<ReturnType<typeof connectorSetup>>;
    beforeAll(async () => {
      world = await connectorSetup(app.admin());
    });

    const env = () => `/api/v1/environments/${world.environmentId}`;
    let local = 0;
    const freshUserId = () => `${world.environmentId}.u${++local}`;

    /** Each free-text field of the admin API, with a request that carries `text` in it. */
    const fields: [string, string, (text: string) => { method: 'post' | 'put'; path: string; body: object }][] = [
      ['environment name', 'name', (text) => ({ method: 'post', path: '/api/v1/environments', body: { environmentId: '77777', name: text } })],
      ['user name', 'name', (text) => ({ method: 'post', path: `${env()}/users`, body: { userId: freshUserId(), email: 'a@example.com', name: text } })],
      ['user e-mail', 'email', (text) => ({ method: 'post', path: `${env()}/users`, body: { userId: freshUserId(), email: `${text}@example.com`, name: 'A' } })],
      ['user group name', 'name', (text) => ({ method: 'post', path: `${env()}/user-groups`, body: { name: text } })],
      ['connector description', 'description', (text) => ({ method: 'post', path: `${env()}/app-connectors`, body: { description: text, userGroupId: world.groupId } })],
      ['quick-path description', 'description', (text) => ({ method: 'post', path: `${env()}/app-connectors`, body: { description: text, createUserGroup: true } })],
      ['quick-path token description', 'tokenDescription', (text) => ({
        method: 'post', path: `${env()}/app-connectors`, body: { description: 'Quick', createUserGroup: true, autoGenerateToken: true, tokenDescription: text },
      })],
      ['changed description', 'description', (text) => ({ method: 'put', path: `${world.base}/description`, body: { description: text } })],
      ['token description', 'description', (text) => ({ method: 'post', path: `${world.base}/tokens`, body: { userId: world.userId, description: text } })],
    ];

    const forbidden: [string, string, string][] = [
      ['NUL', '\u0000', 'control characters'],
      ['tab', '\t', 'control characters'],
      ['line feed', '\n', 'control characters'],
      ['carriage return', '\r', 'control characters'],
      ['DEL', '\u007f', 'control characters'],
      ['C1 next line', '\u0085', 'control characters'],
      ['C1 CSI', '\u009b', 'control characters'],
      ['Arabic letter mark', '\u061c', 'invisible formatting characters'],
      ['left-to-right mark', '\u200e', 'invisible formatting characters'],
      ['right-to-left mark', '\u200f', 'invisible formatting characters'],
      ['left-to-right embedding', '\u202a', 'invisible formatting characters'],
      ['right-to-left override', '\u202e', 'invisible formatting characters'],
      ['left-to-right isolate', '\u2066', 'invisible formatting characters'],
      ['pop directional isolate', '\u2069', 'invisible formatting characters'],
      ['zero-width space', '\u200b', 'invisible formatting characters'],
      ['word joiner', '\u2060', 'invisible formatting characters'],
      ['zero-width no-break space (BOM)', '\ufeff', 'invisible formatting characters'],
      ['line separator', '\u2028', 'line or paragraph separators'],
      ['paragraph separator', '\u2029', 'line or paragraph separators'],
    ];

    const hex = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

    describe.each(fields)('the %s', (_, field, requestWith) => {
      it.each(forbidden)('refuses a %s with 400 naming the field, the character and its position', async (__, character, kind) => {
        // In the middle and at the end: trimming must not hide a line break from the check.
        for (const [text, position] of [[`Web${character}shop`, 4], [`Webshop${character}`, 8]] as const) {
          const { method, path, body } = requestWith(text);
          const response = await expectRefused(() => app.admin()[method](path).send(body));
          expect(response.body.errors).toContainEqual({ field, message: `must not contain ${kind} (${hex(character)} at position ${position})` });
        }
      });
    });

    it('accepts letters of any script, emoji with joiners and Persian with a zero-width non-joiner', async () => {
      for (const name of ['Müller & Zoon — Ōsaka', '👩‍💻 team', 'می‌خواهم', 'שלום עולם']) {
        const response = await app.admin().post(`${env()}/user-groups`).send({ name }).expect(201);
        expect(response.body.name).toBe(name);
      }
    });

    it('documents the rule in OpenAPI', async () => {
      const { body } = await app.anonymous().get('/docs-json').expect(200);
      const text = JSON.stringify(body.paths[`/api/v1/environments/{environmentId}/user-groups`].post);
      expect(text).toContain('no control characters');
    });
  });

  describe('D: IPv4-compatible IPv6 addresses', () => {
    it.each(['::1.2.3.4', '::10.0.0.1', '::10.0.0.0/104', '0:0:0:0:0:0:1.2.3.4', '::102:304'])(
      'refuses the IP restriction %s with 400, telling what to write instead',
      async (address) => {
        const { base } = await connectorSetup(app.admin());
        const response = await expectRefused(() => app.admin().post(`${base}/ip-restrictions`).send({ access: 'allow', address }));
        expect(response.body).toMatchObject({ code: 'ip_address_ipv4_compatible', errors: [{ field: 'address' }] });
        expect(response.body.detail).toMatch(/deprecated/);
        expect(response.body.detail).toContain('::ffff:');
      },
    );

    it.each([
      ['::ffff:1.2.3.4', '1.2.3.4/32'],
      ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
      ['::1', '::1/128'],
      ['::', '::/128'],
      ['64:ff9b::1.2.3.4', '64:ff9b::102:304/128'],
    ])('accepts %s as %s', async (address, cidr) => {
      const { base } = await connectorSetup(app.admin());
      const response = await app.admin().post(`${base}/ip-restrictions`).send({ access: 'deny', address }).expect(201);
      expect(response.body).toMatchObject({ access: 'deny', cidr });
    });

    it('treats a client at ::1.2.3.4 as that IPv6 address, not as 1.2.3.4 (POST /api/v1/verify)', async () => {
      const admin = app.admin();
      const { base, environmentId, userId } = await connectorSetup(admin);
      await admin.post(`${base}/get-connectors`).send({ names: ['Profit_Article'] }).expect(200);
      await admin.post(`${base}/ip-restrictions`).send({ access: 'allow', address: '1.2.3.4' }).expect(201);
      await admin.post(`${base}/unblock`).expect(200);
      const token = (await admin.post(`${base}/tokens`).send({ userId, description: 'laptop' }).expect(201)).body.token as string;
      const index = app.app.get<AccessIndex>(ACCESS_INDEX);
      expect(await index.waitForPosition(await app.headPosition(), 5000)).toBe(true);

      const verify = async (clientIp: string) => {
        const body = { environmentId, token, clientIp, connector: { kind: 'get', name: 'Profit_Article' } };
        return (await admin.post('/api/v1/verify').send(body).expect(200)).body;
      };
      expect(await verify('1.2.3.4')).toMatchObject({ valid: true });
      expect(await verify('::ffff:1.2.3.4')).toMatchObject({ valid: true });
      for (const clientIp of ['::1.2.3.4', '0:0:0:0:0:0:1.2.3.4', '::102:304']) {
        expect({ clientIp, answer: await verify(clientIp) }).toEqual({ clientIp, answer: expect.objectContaining({ valid: false, code: 'ip_restricted' }) });
      }
    });
  });
});
