import type { WrittenState } from '#application';
import type { Message, MessageType, Workflow } from '#domain';

export const messageTypeView = ({ code, description, blocked, workflowId }: MessageType) => ({ code, description, blocked, workflow: workflowId });
export const workflowView = ({ workflowId, name }: Workflow) => ({ id: workflowId, name });
/** A message as its workflow's inbox shows it (the payload included). */
export const messageView = ({ messageId, environmentId, ...message }: Message) => ({ id: messageId, environmentId, ...message });

export const messageTypeAnswer = ({ state, version, position }: WrittenState<MessageType>) => ({ ...messageTypeView(state), version, position });
export const workflowAnswer = ({ state, version, position }: WrittenState<Workflow>) => ({ ...workflowView(state), version, position });
export const messageAnswer = ({ state, version, position }: WrittenState<Message>) => ({ ...messageView(state), version, position });
