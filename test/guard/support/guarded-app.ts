import { ACCESS_INDEX, type AccessIndex } from '#guard';
import { startTestApp, type TestApp } from '../../support/test-app.js';

export interface GuardedApp extends TestApp {
  readonly index: AccessIndex;
  /** Resolves once the guard's index has applied everything written so far. */
  caughtUp(): Promise<void>;
}

/** The test app (as npm start builds it) with a handle on the guard's in-memory access index. */
export async function startGuardedApp(env: Record<string, string> = {}, options: Parameters<typeof startTestApp>[1] = {}): Promise<GuardedApp> {
  const app = await startTestApp(env, options);
  const index = app.app.get<AccessIndex>(ACCESS_INDEX);
  return {
    ...app,
    index,
    caughtUp: async () => {
      const head = await app.headPosition();
      if (!(await index.waitForPosition(head, 5000))) throw new Error(`the access index did not reach position ${head}`);
    },
  };
}
