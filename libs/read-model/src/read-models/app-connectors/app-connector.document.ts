import type { IpAccess, IpFamily } from '#domain';
import type { PositionedDocument } from '../../projection/positioned-document.js';

export const APP_CONNECTORS = 'app_connectors';

export interface IpRestrictionEntry {
  readonly id: string;
  readonly access: IpAccess;
  readonly cidr: string;
  readonly family: IpFamily;
}

/** `open`: no IP restrictions; otherwise whether the lines allow or exclude (the domain forbids mixing). */
export type IpAccessMode = 'open' | IpAccess;

/**
 * One app connector, `_id` = scopedId(environmentId, id). Holds everything a guard needs about the
 * connector itself (blocked, grants, IP lines), so that one `get` answers it.
 */
export interface AppConnectorDocument extends PositionedDocument {
  readonly id: string;
  readonly environmentId: string;
  readonly apiKey: string;
  readonly description: string;
  readonly blocked: boolean;
  readonly userGroupId: string;
  /** Each list sorted. */
  readonly getConnectors: readonly string[];
  readonly updateConnectors: readonly string[];
  readonly specialConnectors: readonly string[];
  /** In the order they were added. */
  readonly ipRestrictions: readonly IpRestrictionEntry[];
  readonly accessMode: IpAccessMode;
  /** Live (not revoked) tokens; the tokens themselves are in the `tokens` read model. */
  readonly tokenCount: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** The stream's event count, the same number command answers and ETags carry. */
  readonly version: number;
}

export type AppConnectorFields = Omit<AppConnectorDocument, 'lastPosition'>;
