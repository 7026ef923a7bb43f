import type { IncomingHttpHeaders } from 'node:http';
import type { AccessGranted } from '#guard';

/** Set by this service for the upstream; a client's own copies are dropped so that none can be forged. */
export const IDENTITY_HEADERS = ['x-app-connector-id', 'x-user-id', 'x-environment-id'] as const;

/**
 * The headers the upstream receives: the client's, minus its credentials and any identity headers
 * it sent, plus who the guard let through.
 */
export function upstreamHeaders(
  headers: IncomingHttpHeaders,
  access: Pick<AccessGranted, 'appConnectorId' | 'userId' | 'environmentId'>,
): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower !== 'authorization' && !(IDENTITY_HEADERS as readonly string[]).includes(lower)) result[lower] = value;
  }
  result['x-app-connector-id'] = access.appConnectorId;
  result['x-user-id'] = access.userId;
  result['x-environment-id'] = access.environmentId;
  return result;
}
