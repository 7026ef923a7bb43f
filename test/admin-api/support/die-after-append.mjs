// Child process for idempotency-after-crash.e2e-spec.ts: the service as `npm start` runs it (from
// dist/, a child cannot load TypeScript), except that it kills itself with SIGKILL as soon as the
// marked append number DIE_AFTER_APPEND of an Idempotency-Key request has committed: after the
// append, before any answer. Prints its URL once it listens.
import { SqliteEventStore } from '#event-store';

const dieAfter = Number(process.env.DIE_AFTER_APPEND);
const append = SqliteEventStore.prototype.appendToStream;
SqliteEventStore.prototype.appendToStream = async function (streamId, events, options) {
  const result = await append.call(this, streamId, events, options);
  if (options.marker?.sequence === dieAfter) process.kill(process.pid, 'SIGKILL');
  return result;
};

const { loadConfig } = await import('../../../dist/apps/api/src/config/app-config.js');
const { createApp } = await import('../../../dist/apps/api/src/bootstrap/create-app.js');
const { app } = await createApp(loadConfig(process.env));
await app.listen(0, '127.0.0.1');
process.stdout.write(`listening ${await app.getUrl()}\n`);
