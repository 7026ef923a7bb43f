import type { GuardedRequest } from '#guard';
import type { ProfitCall } from './profit-call.js';

export interface ResolvedProfitCall {
  readonly environmentId: string;
  readonly call: ProfitCall;
  /** `/ProfitRestServices/…` as the client wrote it, without an `/{env}` prefix or the query. */
  readonly profitPath: string;
}

export interface ProfitRequest extends GuardedRequest {
  /** Set by `ProfitTargetResolver` while the guard runs. */
  profitCall?: ResolvedProfitCall;
}
