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

export type UserCommand = RegisterUser;
