import type { ConnectorCall } from '#guard';

/** The path segment `ProfitRestServices` in any case: a find-my-way regex parameter, so routing itself ignores case. */
export const PROFIT_SERVICE_SEGMENT = `:service(^${[...'ProfitRestServices'].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('')}$)`;

const SUBJECT_CONNECTOR = 'AppConnectorSubject';
const COMMUNICATION_CONNECTOR: ConnectorCall = Object.freeze({ kind: 'special', name: 'CommSvcConnector' });

export type ProfitCall =
  | { readonly endpoint: 'metainfo' | 'version'; readonly connector: ConnectorCall }
  | {
      readonly endpoint: 'forward';
      readonly connector: ConnectorCall;
      /** Profit answers a missing grant here as a file that does not exist (FileConnector): 404, not 401. */
      readonly ungrantedAsNotFound?: true;
    }
  /** Messages to the communication connector, answered by this service (`CommSvcConnector/messages[/{id}]`). */
  | { readonly endpoint: 'send-message'; readonly connector: ConnectorCall }
  | { readonly endpoint: 'message-status'; readonly connector: ConnectorCall; readonly messageId: string };

const UPDATE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE']);
const METAINFO_CALL: ProfitCall = Object.freeze({ endpoint: 'metainfo', connector: Object.freeze({ kind: 'metainfo' }) });
// A connectivity check that reads no business data: any valid token of an unblocked connector, no grant.
const VERSION_CALL: ProfitCall = Object.freeze({ endpoint: 'version', connector: Object.freeze({ kind: 'metainfo' }) });
const FILE_CALL: ProfitCall = Object.freeze({
  endpoint: 'forward',
  connector: Object.freeze({ kind: 'special', name: SUBJECT_CONNECTOR }),
  ungrantedAsNotFound: true,
});

/**
 * What the decoded segments after /ProfitRestServices/ call, the first compared case-insensitively
 * (clients write `metainfo`, `MetaInfo`, `Connectors`). Connector names stay as written: grants
 * are exact. `null` for anything this surface does not serve.
 */
export function matchProfitCall(method: string, tail: readonly string[]): ProfitCall | null {
  const [first = '', name, ...rest] = tail;
  switch (first.toLowerCase()) {
    case 'metainfo':
      return method === 'GET' && tail.length === 1 ? METAINFO_CALL : null;
    case 'profitversion':
      return method === 'GET' && tail.length === 1 ? VERSION_CALL : null;
    case 'connectors':
      if (name === undefined) return null;
      if (method === 'GET') return { endpoint: 'forward', connector: { kind: 'get', name } };
      return UPDATE_METHODS.has(method) ? { endpoint: 'forward', connector: { kind: 'update', name } } : null;
    case 'subjectconnector':
      // Attachments are downloaded: `?SubjectId=&FileId=`, or `/{subjectId}/{fileId}` in newer clients.
      return method === 'GET' && rest.length <= 1 ? { endpoint: 'forward', connector: { kind: 'special', name: SUBJECT_CONNECTOR } } : null;
    case 'fileconnector':
      // `/{guid}/{filename}`: the GUID and original file name a GetConnector returned.
      return method === 'GET' && tail.length === 3 ? FILE_CALL : null;
    case 'commsvcconnector':
      return matchMessageCall(method, name, rest);
    default:
      return null;
  }
}

function matchMessageCall(method: string, collection: string | undefined, rest: readonly string[]): ProfitCall | null {
  if (collection?.toLowerCase() !== 'messages') return null;
  if (method === 'POST' && rest.length === 0) return { endpoint: 'send-message', connector: COMMUNICATION_CONNECTOR };
  const [messageId] = rest;
  return method === 'GET' && rest.length === 1 && messageId !== undefined ? { endpoint: 'message-status', connector: COMMUNICATION_CONNECTOR, messageId } : null;
}
