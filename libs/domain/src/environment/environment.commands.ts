export type RegisterEnvironment = {
  readonly type: 'RegisterEnvironment';
  readonly data: {
    readonly environmentId: string;
    readonly name: string;
    /** sha-256 (lowercase hex) of the environment key; the key itself is shown once and never stored. */
    readonly environmentKeyHash: string;
  };
};

export type EnvironmentCommand = RegisterEnvironment;
