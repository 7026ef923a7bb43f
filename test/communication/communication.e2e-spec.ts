import { startGuardedApp, type GuardedApp } from '../guard/support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from '../guard/support/profit-fixtures.js';

const REFUSED = 'Er is een fout opgetreden bij het verzenden en ontvangen van berichten';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LIMIT_KB = 4;

describe('communication connector: message types, workflows and messages through the Profit surface', () => {
  let app: GuardedApp;
  let sender: ReadyConnector;
  /** A connector of the same environment without CommSvcConnector. */
  let other: ReadyConnector;
  let api: string;

  beforeAll(async () => {
    app = await startGuardedApp({ MESSAGE_PAYLOAD_LIMIT_KB: String(LIMIT_KB) });
    sender = await readyConnector(app.admin());
    other = await readyConnector(app.admin(), sender.environmentId);
    await app.admin().post(`${sender.base}/special-connectors`).send({ names: ['CommSvcConnector'] }).expect(200);
    api = `/api/v1/environments/${sender.environmentId}`;
    await app.caughtUp();
  });
  afterAll(() => app.close());

  const send = (body: unknown, connector = sender) =>
    app
      .anonymous()
      .post('/ProfitRestServices/CommSvcConnector/messages')
      .set('Host', hostOf(connector.environmentId))
      .set('Authorization', connector.authorization)
      .set('Content-Type', 'text/plain')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const status = (id: string, connector = sender) =>
    app.anonymous().get(`/profitrestservices/commsvcconnector/messages/${id}`).set('Host', hostOf(connector.environmentId)).set('Authorization', connector.authorization);
  const read = async (path: string, position?: number) => (await app.admin().get(`${api}${path}${position === undefined ? '' : `?minPosition=${position}`}`).expect(200)).body;
  const createWorkflow = async (name: string) => (await app.admin().post(`${api}/workflows`).send({ name }).expect(201)).body as { id: string; position: number };
  const typeOf = async (code: string, position?: number) => (await read('/message-types', position)).items.find((type: { code: string }) => type.code === code);
  const messageEvents = async () => (await app.eventStore.readAll()).filter((event) => event.type === 'MessageReceived');

  it('has the message types from the start, each with a description, all blocked and without a workflow', async () => {
    const { items } = await read('/message-types');
    expect(items.map((type: { code: string }) => type.code)).toEqual(expect.arrayContaining(['btw-aangifte', 'suppletie-aangifte', 'icp-aangifte', 'kvk-deponering']));
    for (const type of items) expect(type).toEqual({ code: type.code, description: expect.any(String), blocked: true, workflow: null });
  });

  it('creates and lists workflows', async () => {
    const created = await createWorkflow('Aangiften');
    expect(created).toMatchObject({ id: expect.any(String), name: 'Aangiften', version: expect.any(Number), position: expect.any(Number) });
    const { items } = await read('/workflows', created.position);
    expect(items).toContainEqual({ id: created.id, name: 'Aangiften' });
  });

  it('answers a retried workflow creation with the same Idempotency-Key with the first answer, creating one workflow', async () => {
    const create = () => app.admin().post(`${api}/workflows`).set('Idempotency-Key', 'create-kvk-workflow').send({ name: 'KvK' }).expect(201);
    const first = await create();
    const retry = await create();
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const { items } = await read('/workflows', retry.body.position);
    expect(items.filter((workflow: { name: string }) => workflow.name === 'KvK')).toHaveLength(1);
  });

  it('unblocks a message type only with an existing workflow (422), refuses an unknown code (404), links and blocks', async () => {
    await app.admin().post(`${api}/message-types/icp-aangifte/unblock`).send({ workflowId: 'no-such-workflow' }).expect(422);
    await app.admin().post(`${api}/message-types/loonaangifte/unblock`).send({ workflowId: 'x' }).expect(404);
    await app.admin().post(`${api}/message-types/loonaangifte/block`).expect(404);
    const first = await createWorkflow('ICP');
    const second = await createWorkflow('ICP 2');
    const unblocked = await app.admin().post(`${api}/message-types/icp-aangifte/unblock`).send({ workflowId: first.id }).expect(200);
    expect(unblocked.body).toMatchObject({ code: 'icp-aangifte', blocked: false, workflow: first.id });
    expect(await typeOf('icp-aangifte', unblocked.body.position)).toMatchObject({ blocked: false, workflow: first.id });
    const linked = await app.admin().put(`${api}/message-types/icp-aangifte/workflow`).set('If-Match', unblocked.headers.etag!).send({ workflowId: second.id }).expect(200);
    expect(linked.body).toMatchObject({ blocked: false, workflow: second.id });
    await app.admin().put(`${api}/message-types/icp-aangifte/workflow`).set('If-Match', unblocked.headers.etag!).send({ workflowId: first.id }).expect(412);
    const blocked = await app.admin().post(`${api}/message-types/icp-aangifte/block`).expect(200);
    expect(await typeOf('icp-aangifte', blocked.body.position)).toMatchObject({ blocked: true, workflow: second.id });
  });

  describe('messages', () => {
    let workflowId: string;
    beforeAll(async () => {
      workflowId = (await createWorkflow('Btw')).id;
      await app.admin().post(`${api}/message-types/btw-aangifte/unblock`).send({ workflowId }).expect(200);
      await app.caughtUp();
    });

    it('accepts a message of an unblocked type: 202 {id}, an event with the sender in its metadata, in the inbox, status received', async () => {
      const response = await send({ messageType: 'btw-aangifte', reference: 'Q1-2026', payload: { period: '2026-Q1', amount: 1250 } }).expect(202);
      expect(response.body).toEqual({ id: expect.stringMatching(UUID) });
      const id = response.body.id as string;
      const event = (await messageEvents()).find((e) => e.data['messageId'] === id)!;
      expect(event.metadata).toMatchObject({ actor: sender.userId, appConnectorId: sender.id, sourceIp: '127.0.0.1' });
      expect(event.data).toMatchObject({ appConnectorId: sender.id, userId: sender.userId, workflowId, reference: 'Q1-2026' });
      await app.caughtUp();
      const inbox = await read(`/workflows/${workflowId}/messages`, event.position);
      expect(inbox.items).toContainEqual(expect.objectContaining({ id, messageType: 'btw-aangifte', reference: 'Q1-2026', status: 'received', payload: { period: '2026-Q1', amount: 1250 } }));
      expect((await status(id).expect(200)).body).toEqual({ id, messageType: 'btw-aangifte', reference: 'Q1-2026', status: 'received' });
    });

    it('stores a message sent twice with the same reference once, answering the first id', async () => {
      const body = { messageType: 'btw-aangifte', reference: 'Q2-2026', payload: { period: '2026-Q2' } };
      const first = await send(body).expect(202);
      const before = (await messageEvents()).length;
      const again = await send({ ...body, payload: { changed: true } }).expect(202);
      expect(again.body.id).toBe(first.body.id);
      expect((await messageEvents()).length).toBe(before);
    });

    it('marks a message handled: its status for the sender, the inbox, and once only', async () => {
      const { id } = (await send({ messageType: 'btw-aangifte', reference: 'Q3-2026', payload: {} }).expect(202)).body;
      const handled = await app.admin().post(`${api}/workflows/${workflowId}/messages/${id}/handled`).expect(200);
      expect(handled.body).toMatchObject({ id, status: 'handled' });
      expect((await status(id).expect(200)).body.status).toBe('handled');
      const inbox = await read(`/workflows/${workflowId}/messages`, handled.body.position);
      expect(inbox.items.find((message: { id: string }) => message.id === id).status).toBe('handled');
      const again = await app.admin().post(`${api}/workflows/${workflowId}/messages/${id}/handled`).expect(200);
      expect(again.body.version).toBe(handled.body.version);
      await app.admin().post(`${api}/workflows/other-workflow/messages/${id}/handled`).expect(404);
    });

    it('answers 404 for the status of a message another connector sent, or none', async () => {
      const { id } = (await send({ messageType: 'btw-aangifte', reference: 'Q4-2026', payload: {} }).expect(202)).body;
      await app.admin().post(`${other.base}/special-connectors`).send({ names: ['CommSvcConnector'] }).expect(200);
      await app.caughtUp();
      expect((await status(id, other).expect(404)).body.externalMessage).toContain(REFUSED);
      await app.admin().delete(`${other.base}/special-connectors/CommSvcConnector`).expect(200);
      await app.caughtUp();
      await status('00000000-0000-0000-0000-000000000000').expect(404);
      await status('not-a-message-id').expect(404);
    });

    describe('refusals store nothing', () => {
      let before: number;
      beforeEach(async () => {
        before = (await messageEvents()).length;
      });
      afterEach(async () => {
        expect((await messageEvents()).length).toBe(before);
      });

      it.each([
        ['a blocked type', 'suppletie-aangifte', 'message type suppletie-aangifte is blocked'],
        ['an unknown type', 'loonaangifte', 'message type loonaangifte does not exist'],
      ])('refuses %s with Profit\'s text and the reason', async (_, messageType, reason) => {
        const response = await send({ messageType, reference: `r-${messageType}`, payload: {} }).expect(422);
        expect(response.body).toEqual({ externalMessage: `${REFUSED}: ${reason}`, errorNumber: -1, profitLogReference: expect.stringMatching(UUID) });
      });

      it('refuses a connector without CommSvcConnector with 401', async () => {
        const response = await send({ messageType: 'btw-aangifte', reference: 'no-grant', payload: {} }, other).expect(401);
        expect(response.body.externalMessage).toBe('valid token but no access to this endpoint');
      });

      it('refuses a payload over MESSAGE_PAYLOAD_LIMIT_KB with 413 in Profit\'s shape', async () => {
        const response = await send({ messageType: 'btw-aangifte', reference: 'too-large', payload: 'x'.repeat(LIMIT_KB * 1024 + 1) }).expect(413);
        expect(response.body).toEqual({ externalMessage: expect.stringContaining(REFUSED), errorNumber: -1, profitLogReference: expect.stringMatching(UUID) });
        expect(response.body.externalMessage).toContain('MESSAGE_PAYLOAD_LIMIT_KB');
      });

      it('refuses a body far over the limit before reading it, and malformed bodies with 400', async () => {
        await send({ messageType: 'btw-aangifte', reference: 'huge', payload: 'x'.repeat(200 * 1024) }).expect(413);
        await send('not json').expect(400);
        await send({ messageType: 'btw-aangifte', payload: {} }).expect(400);
        await send({ messageType: 'btw-aangifte', reference: ' ', payload: {} }).expect(400);
        await send({ messageType: 'btw-aangifte', reference: 'x', payload: {}, extra: 1 }).expect(400);
      });

      it('refuses a body without a length once it has read past the limit, and still answers 413', async () => {
        const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent === 0) controller.enqueue(new TextEncoder().encode('{"messageType":"btw-aangifte","reference":"chunked","payload":"'));
            if (sent++ < 8) controller.enqueue(chunk);
            else controller.close();
          },
        });
        const response = await fetch(`${app.url}/${sender.environmentId}/ProfitRestServices/CommSvcConnector/messages`, {
          method: 'POST',
          headers: { authorization: sender.authorization },
          body,
          duplex: 'half',
        } as RequestInit);
        expect(response.status).toBe(413);
        expect(((await response.json()) as { externalMessage: string }).externalMessage).toContain('MESSAGE_PAYLOAD_LIMIT_KB');
      });

      it('refuses an unknown token with 401', async () => {
        await app.anonymous().post('/ProfitRestServices/CommSvcConnector/messages').set('Host', hostOf(sender.environmentId)).send('{}').expect(401);
      });
    });
  });

  it('describes the admin routes and the Profit routes in the OpenAPI document', async () => {
    const { paths } = (await app.anonymous().get('/docs-json').expect(200)).body;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining([
      '/api/v1/environments/{environmentId}/workflows',
      '/api/v1/environments/{environmentId}/workflows/{workflowId}/messages',
      '/api/v1/environments/{environmentId}/workflows/{workflowId}/messages/{messageId}/handled',
      '/api/v1/environments/{environmentId}/message-types',
      '/api/v1/environments/{environmentId}/message-types/{code}/unblock',
      '/api/v1/environments/{environmentId}/message-types/{code}/workflow',
      '/api/v1/environments/{environmentId}/message-types/{code}/block',
      '/ProfitRestServices/ProfitVersion',
      '/ProfitRestServices/fileconnector/{guid}/{filename}',
      '/ProfitRestServices/CommSvcConnector/messages',
      '/ProfitRestServices/CommSvcConnector/messages/{id}',
    ]));
    expect(Object.keys(paths['/ProfitRestServices/CommSvcConnector/messages'].post.responses)).toEqual(expect.arrayContaining(['202', '401', '413', '422']));
  });

  it('answers 404 for the lists of an unknown environment, and an unknown workflow inbox', async () => {
    await app.admin().get('/api/v1/environments/99999999/message-types').expect(404);
    await app.admin().get('/api/v1/environments/99999999/workflows').expect(404);
    await app.admin().get(`${api}/workflows/no-such-workflow/messages`).expect(404);
    await app.admin().post('/api/v1/environments/99999999/workflows').send({ name: 'x' }).expect(404);
  });
});
