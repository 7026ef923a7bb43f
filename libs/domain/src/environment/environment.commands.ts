export type RegisterEnvironment = {
  readonly type: 'RegisterEnvironment';
  readonly data: {
    readonly environmentId: string;
    readonly name: string;
    /** sha-256 (lowercase hex) of the environment key; the key itself is shown once and never stored. */
    readonly environmentKeyHash: string;
  };
};

/** A new environment key: the old one is void from now on. */
export type RotateEnvironmentKey = {
  readonly type: 'RotateEnvironmentKey';
  /** sha-256 (lowercase hex) of the new key, shown once. */
  readonly data: { readonly environmentKeyHash: string };
};

export type EnvironmentCommand = RegisterEnvironment | RotateEnvironmentKey;
