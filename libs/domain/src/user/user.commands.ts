export type UserKind = 'person' | 'system';

export type RegisterUser = {
  readonly type: 'RegisterUser';
  readonly data: {
    readonly environmentId: string;
    /** `{environmentId}.{local}`, e.g. `12345.jdoe`. */
    readonly userId: string;
    /** Required for persons (the one-time password is e-mailed); optional for system users. */
    readonly email: string | null;
    readonly name: string;
    readonly kind: UserKind;
    readonly environmentExists: boolean;
  };
};

/** A field left out keeps its value; `email: null` removes a system user's address. */
export type ChangeUserDetails = {
  readonly type: 'ChangeUserDetails';
  readonly data: { readonly email?: string | null; readonly name?: string };
};
/** Every token of the user is refused from now on, and the user can request no one-time password. */
export type DeactivateUser = { readonly type: 'DeactivateUser'; readonly data: Record<string, never> };
export type ReactivateUser = { readonly type: 'ReactivateUser'; readonly data: Record<string, never> };

export type UserCommand = RegisterUser | ChangeUserDetails | DeactivateUser | ReactivateUser;
