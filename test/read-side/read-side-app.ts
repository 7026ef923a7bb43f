import { startTestApp, type TestApp } from '../support/test-app.js';

/** The test app with a short read-your-writes bound, so a test can watch a query give up. */
export const startReadSideApp = (readYourWritesTimeoutMs: number) =>
  startTestApp({ READ_YOUR_WRITES_TIMEOUT_MS: String(readYourWritesTimeoutMs), LOG_LEVEL: 'silent' });

export type ReadSideApp = TestApp;
