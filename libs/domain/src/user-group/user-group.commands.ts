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

export type UserGroupCommand = CreateUserGroup | AddMember | RemoveMember;
