type InEnvironment = { readonly environmentId: string; readonly environmentExists: boolean };

export type CreateWorkflow = {
  readonly type: 'CreateWorkflow';
  readonly data: InEnvironment & { readonly workflowId: string; readonly name: string };
};

export type UnblockMessageType = {
  readonly type: 'UnblockMessageType';
  readonly data: InEnvironment & { readonly code: string; readonly workflowId: string };
};

export type LinkWorkflow = {
  readonly type: 'LinkWorkflow';
  readonly data: InEnvironment & { readonly code: string; readonly workflowId: string };
};

export type BlockMessageType = {
  readonly type: 'BlockMessageType';
  readonly data: InEnvironment & { readonly code: string };
};

export type CommunicationCommand = CreateWorkflow | UnblockMessageType | LinkWorkflow | BlockMessageType;
