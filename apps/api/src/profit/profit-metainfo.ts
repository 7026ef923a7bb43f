import type { IndexedConnector } from '#guard';

interface MetaInfo {
  readonly updateConnectors: readonly { id: string; description: string }[];
  readonly getConnectors: readonly { id: string; description: string }[];
  readonly info: { envid: string; appName: string; group: string; tokenExpiry: string | null };
}

/**
 * Profit's MetaInfo: what this token's app connector may call. This service keeps no descriptions
 * of GetConnectors and UpdateConnectors, so a description repeats the id.
 */
function metaInfo(connector: IndexedConnector): MetaInfo {
  const listed = (names: readonly string[]) => names.map((id) => ({ id, description: id }));
  return {
    updateConnectors: listed(connector.updateConnectors),
    getConnectors: listed(connector.getConnectors),
    info: {
      envid: connector.environmentId,
      appName: connector.description,
      group: connector.userGroupId,
      tokenExpiry: null,
    },
  };
}

/** `tokenExpiry` is the last field of the answer: the text before its value is shared by every token of the connector. */
const TOKEN_EXPIRY_TAIL = 'null}}';

const answered = new WeakMap<IndexedConnector, { readonly revision: number; readonly head: string }>();

/**
 * MetaInfo as JSON text: the connector's part is made once per connector revision, and only the
 * token's expiry (`tokenExpiry`, ISO time or null) is added per call.
 */
export function metaInfoJson(connector: IndexedConnector, tokenExpiry: string | null): string {
  let cached = answered.get(connector);
  if (cached?.revision !== connector.revision) {
    const json = JSON.stringify(metaInfo(connector));
    cached = { revision: connector.revision, head: json.slice(0, -TOKEN_EXPIRY_TAIL.length) };
    answered.set(connector, cached);
  }
  return tokenExpiry === null ? `${cached.head}${TOKEN_EXPIRY_TAIL}` : `${cached.head}"${tokenExpiry}"}}`;
}
