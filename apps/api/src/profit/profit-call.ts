import type { ConnectorCall } from '#guard';

/** The path segment `ProfitRestServices` in any case: a find-my-way regex parameter, so routing itself ignores case. */
export const PROFIT_SERVICE_SEGMENT = `:service(^${[...'ProfitRestServices'].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('')}$)`;

export const SUBJECT_CONNECTOR = 'AppConnectorSubject';

export type ProfitCall =
  | { readonly endpoint: 'metainfo'; readonly connector: ConnectorCall }
  | { readonly endpoint: 'forward'; readonly connector: ConnectorCall };

const UPDATE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE']);
/** The most frequent call, answered without splitting the path (one shared, frozen answer). */
const METAINFO_TAIL = /^metainfo\/*$/i;
const METAINFO_CALL: ProfitCall = Object.freeze({ endpoint: 'metainfo', connector: Object.freeze({ kind: 'metainfo' }) });

/**
 * What a path under /ProfitRestServices/ calls, its first segment compared case-insensitively
 * (clients write `metainfo`, `MetaInfo`, `Connectors`). Connector names stay as written: grants
 * are exact. `null` for anything this surface does not serve.
 */
export function matchProfitCall(method: string, tail: string): ProfitCall | null {
  if (METAINFO_TAIL.test(tail)) return method === 'GET' ? METAINFO_CALL : null;
  const [first = '', name, ...rest] = tail.replace(/\/+$/, '').split('/');
  switch (first.toLowerCase()) {
    case 'metainfo':
      return null; // `MetaInfo/…`: MetaInfo itself is matched above
    case 'connectors':
      if (!name) return null;
      if (method === 'GET') return { endpoint: 'forward', connector: { kind: 'get', name } };
      return UPDATE_METHODS.has(method) ? { endpoint: 'forward', connector: { kind: 'update', name } } : null;
    case 'subjectconnector':
      // Attachments are downloaded: `?SubjectId=&FileId=`, or `/{subjectId}/{fileId}` in newer clients.
      return method === 'GET' && rest.length <= 1 ? { endpoint: 'forward', connector: { kind: 'special', name: SUBJECT_CONNECTOR } } : null;
    default:
      return null;
  }
}
