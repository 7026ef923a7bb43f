export type CreateUserGroup = {
  readonly type: 'CreateUserGroup';
  readonly data: {
    readonly environmentId: string;
    readonly groupId: string;
    readonly name: string;
    readonly environmentExists: boolean;
  };
};

export type AddMember = {
  readonly type: 'AddMember';
  readonly data: { readonly userId: string; readonly userExists: boolean };
};

export type RemoveMember = {
  readonly type: 'RemoveMember';
  readonly data: { readonly userId: string };
};

export type RenameUserGroup = {
  readonly type: 'RenameUserGroup';
  readonly data: { readonly name: string };
};

export type DeleteUserGroup = {
  readonly type: 'DeleteUserGroup';
  /** Ids of the app connectors, not deleted ones, that have this group: read from the event store just before. */
  readonly data: { readonly usedByAppConnectors: readonly string[] };
};

export type UserGroupCommand = CreateUserGroup | AddMember | RemoveMember | RenameUserGroup | DeleteUserGroup;
