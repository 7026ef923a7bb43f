import type { TestApp } from '../support/test-app.js';

/** Runs a call that must be refused with `status` and a problem+json reason, and checks nothing was appended. */
export async function expectRefusedWithoutChange(app: TestApp, call: () => PromiseLike<{ status: number; body: any; headers: any }>, status: number) {
  const before = await app.headPosition();
  const response = await call();
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status } });
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body.detail).toEqual(expect.any(String));
  expect(await app.headPosition()).toBe(before);
  return response;
}
