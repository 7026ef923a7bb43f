import type { IndexedConnector } from '#guard';

export interface MetaInfo {
  readonly updateConnectors: readonly { id: string; description: string }[];
  readonly getConnectors: readonly { id: string; description: string }[];
  readonly info: { envid: string; appName: string; group: string; tokenExpiry: string | null };
}

/**
 * Profit's MetaInfo: what this token's app connector may call. This service keeps no descriptions
 * of GetConnectors and UpdateConnectors, so a description repeats the id; tokens do not expire.
 */
export function metaInfo(connector: IndexedConnector): MetaInfo {
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

const LISTED = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, description: { type: 'string' } }, required: ['id', 'description'] } } as const;

/** MetaInfo's JSON schema, so that Fastify serialises the answer with a compiled serialiser. */
export const META_INFO_SCHEMA = {
  type: 'object',
  properties: {
    updateConnectors: LISTED,
    getConnectors: LISTED,
    info: {
      type: 'object',
      properties: {
        envid: { type: 'string' },
        appName: { type: 'string' },
        group: { type: 'string' },
        tokenExpiry: { type: ['string', 'null'] },
      },
      required: ['envid', 'appName', 'group', 'tokenExpiry'],
    },
  },
  required: ['updateConnectors', 'getConnectors', 'info'],
} as const;
