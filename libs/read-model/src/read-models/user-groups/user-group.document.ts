import type { PositionedDocument } from '../../projection/positioned-document.js';

export const USER_GROUPS = 'user_groups';

/** One user group, `_id` = scopedId(environmentId, id). */
export interface UserGroupDocument extends PositionedDocument {
  readonly id: string;
  readonly environmentId: string;
  readonly name: string;
  /** User ids, sorted. */
  readonly members: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** The stream's event count, as in command answers. */
  readonly version: number;
}
