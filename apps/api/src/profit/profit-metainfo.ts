import type { IndexedConnector } from '#guard';

interface MetaInfo {
  readonly updateConnectors: readonly { id: string; description: string }[];
  readonly getConnectors: readonly { id: string; description: string }[];
  readonly info: { envid: string; appName: string; group: string; tokenExpiry: string | null };
}

/**
 * Profit's MetaInfo: what this token's app connector may call. This service keeps no descriptions
 * of GetConnectors and UpdateConnectors, so a description repeats the id; tokens do not expire.
 */
function metaInfo(connector: IndexedConnector): MetaInfo {
  const listed = (names: ReadonlySet<string>) => [...names].sort().map((id) => ({ id, description: id }));
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

const answered = new WeakMap<IndexedConnector, { readonly revision: number; readonly json: string }>();

/**
 * MetaInfo as JSON text, made once per connector revision: every call of every token of a
 * connector gets the same answer until the connector changes.
 */
export function metaInfoJson(connector: IndexedConnector): string {
  const cached = answered.get(connector);
  if (cached?.revision === connector.revision) return cached.json;
  const json = JSON.stringify(metaInfo(connector));
  answered.set(connector, { revision: connector.revision, json });
  return json;
}
