import type { UserKind } from '#domain';
import type { PositionedDocument } from '../../projection/positioned-document.js';

export const USERS = 'users';

/** One user, `_id` = userId (`{environmentId}.{local}`, unique over environments). */
export interface UserDocument extends PositionedDocument {
  readonly userId: string;
  readonly environmentId: string;
  readonly name: string;
  readonly email: string | null;
  readonly kind: UserKind;
  /** Ids of the groups the user is a member of, sorted: "is this user in that group" is one `get`. */
  readonly groupIds: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
}
