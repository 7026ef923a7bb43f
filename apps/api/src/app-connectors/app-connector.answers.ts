import type { WrittenState } from '#application';
import { appConnectorView } from '#audit';
import type { AppConnector } from '#domain';
import type { AddedIpRestriction } from './commands/add-ip-restriction/add-ip-restriction.command.js';
import type { CreatedAppConnector } from './commands/create-app-connector/create-app-connector.command.js';
import type { IssuedToken } from './commands/generate-token/generate-token.command.js';
import type { RotatedToken } from './commands/rotate-token/rotate-token.command.js';

/** What the connector commands answer over HTTP: the connector without its token hashes. */
export const connectorAnswer = ({ state, ...written }: WrittenState<AppConnector>) => appConnectorView(state, written);

export function createdConnectorAnswer({ systemUserId, token, ...created }: CreatedAppConnector) {
  return {
    ...connectorAnswer(created),
    ...(systemUserId === undefined ? {} : { systemUserId }),
    ...(token === undefined ? {} : { token: issuedTokenAnswer(token) }),
  };
}

export const ipRestrictionAnswer = ({ added, state, version, position }: AddedIpRestriction) => ({
  id: added.restrictionId,
  access: added.access,
  cidr: added.cidr,
  family: added.family,
  appConnectorId: state.appConnectorId,
  version,
  position,
});

export const issuedTokenAnswer = ({ issued, text, state, version, position }: IssuedToken) => ({
  id: issued.tokenId,
  appConnectorId: state.appConnectorId,
  userId: issued.userId,
  description: issued.description,
  hint: issued.tokenHint,
  expiresAt: issued.expiresAt,
  token: text,
  version,
  position,
});

/** The new token, shown once, and until when the rotated one stays valid. */
export const rotatedTokenAnswer = (rotated: RotatedToken) => ({
  ...issuedTokenAnswer(rotated),
  rotated: { id: rotated.previous.tokenId, expiresAt: rotated.previous.expiresAt },
});
