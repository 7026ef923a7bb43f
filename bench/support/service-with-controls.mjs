// The service as `npm start` runs it (dist/, configured from the environment), plus two unguarded
// control routes for the benchmarks: the same app, its hooks, logger and body parser, without a guard.
// - GET /bench/control: nothing but an answer the size of verify's.
// - POST /bench/control: the same, after the app's JSON body parser has read the body.
// Started by startService(…, { controls: true }); never part of the product.
const { createApp } = await import('../../dist/apps/api/src/bootstrap/create-app.js');
const { loadConfig } = await import('../../dist/apps/api/src/config/app-config.js');

const CONTROL_PATH = '/bench/control';
const ANSWER = JSON.stringify({ valid: true, code: 'allowed', appConnectorId: '00000000-0000-4000-8000-000000000000', userId: '12345.bench', tokenId: '00000000-0000-4000-8000-000000000000' });

const config = loadConfig(process.env);
const { app } = await createApp(config);
const fastify = app.getHttpAdapter().getInstance();
const answer = (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(ANSWER);
fastify.get(CONTROL_PATH, answer);
fastify.post(CONTROL_PATH, (request, reply) => {
  if (typeof request.body !== 'object' || request.body === null) return reply.code(400).send({ detail: 'a JSON object body is expected' });
  return answer(request, reply);
});
await app.listen(config.port, config.host);
