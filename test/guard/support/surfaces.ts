import type { GuardedApp } from './guarded-app.js';
import { hostOf, type ReadyConnector } from './profit-fixtures.js';

export interface CallOptions {
  /** Defaults to the connector's own environment. */
  readonly environmentId?: string;
  /** Defaults to the connector's own token. */
  readonly token?: string;
  readonly connector?: { kind: 'get' | 'update' | 'special'; name: string };
  /** Sent as X-Forwarded-For on the Profit surface, as clientIp to verify. */
  readonly clientIp?: string;
}

export interface Outcome {
  readonly allowed: boolean;
  readonly code: string;
  readonly status: number;
}

/**
 * The same question asked of both surfaces. The Profit surface calls a GetConnector (answered by
 * the upstream when allowed: 503 here, as these apps have none) and gives no code in its body, so
 * its code is read from the log line of the decision; verify answers with the code.
 */
export const SURFACES = {
  profit: async (app: GuardedApp, ready: ReadyConnector, options: CallOptions = {}): Promise<Outcome> => {
    const environmentId = options.environmentId ?? ready.environmentId;
    const { kind, name } = options.connector ?? { kind: 'get', name: 'Profit_Article' };
    const method = kind === 'update' ? 'post' : 'get';
    const path = kind === 'special' ? '/ProfitRestServices/SubjectConnector?SubjectId=1&FileId=2' : `/ProfitRestServices/connectors/${name}`;
    let call = app.anonymous()[method](path).set('Host', hostOf(environmentId));
    call = call.set('Authorization', `AfasToken ${Buffer.from(options.token ?? ready.token).toString('base64')}`);
    if (options.clientIp) call = call.set('X-Forwarded-For', options.clientIp);
    const response = await call;
    if (response.status === 503 && /no upstream/i.test(response.body.externalMessage)) return { allowed: true, code: 'allowed', status: 503 };
    const reference = response.body.profitLogReference as string;
    const line = app.logs().split('\n').find((entry) => entry.includes(reference));
    return { allowed: false, code: line ? (JSON.parse(line).code as string) : 'no log line', status: response.status };
  },
  verify: async (app: GuardedApp, ready: ReadyConnector, options: CallOptions = {}): Promise<Outcome> => {
    const response = await app
      .admin()
      .post('/api/v1/verify')
      .send({
        environmentId: options.environmentId ?? ready.environmentId,
        token: options.token ?? ready.token,
        clientIp: options.clientIp ?? '127.0.0.1',
        connector: options.connector ?? { kind: 'get', name: 'Profit_Article' },
      })
      .expect(200);
    return { allowed: response.body.valid, code: response.body.code, status: response.status };
  },
} as const;
