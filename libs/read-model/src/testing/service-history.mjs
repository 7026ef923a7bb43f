// Plain JavaScript, so that the SIGKILL test's child process can append the same history without a build.

/**
 * `environments` × 13 events of every read model, in the order the application writes them: an
 * environment, two users in a group, a connector changed, granted and unblocked, two tokens of which
 * one is revoked. Deterministic, so that a child process can append the same history.
 * @param {import('#event-store').EventStore} store
 * @param {number} environments
 * @param {number} [firstEnvironment] the first environment's id (on a server shared by earlier runs: one of its own)
 */
export async function appendServiceHistory(store, environments, firstEnvironment = 10_000) {
  for (let n = 0; n < environments; n++) {
    const environmentId = String(firstEnvironment + n);
    let offset = 0;
    const append = async (streamId, type, data) => {
      const time = new Date(Date.UTC(2025, 0, 1, 0, n * 13 + offset++)).toISOString();
      const metadata = { actor: 'alice', correlationId: 'c', causationId: 'c', sourceIp: null, time, schemaVersion: 1 };
      await store.appendToStream(streamId, [{ type, data: { environmentId, ...data }, metadata }], { expectedRevision: 'any' });
    };
    const users = [`${environmentId}.jdoe`, `${environmentId}.webshop`];
    const group = `user-group-${environmentId}-g1`;
    const connector = `app-connector-${environmentId}-c1`;
    const ref = { appConnectorId: 'c1' };
    const hash = (i) => `${n}-${i}`.padEnd(64, '0');
    await append(`environment-${environmentId}`, 'EnvironmentRegistered', { name: `Env ${n}`, environmentKeyHash: 'f'.repeat(64) });
    for (const userId of users) await append(`user-${userId}`, 'UserRegistered', { userId, email: null, name: userId, kind: 'system' });
    await append(group, 'UserGroupCreated', { groupId: 'g1', name: 'Integrations' });
    for (const userId of users) await append(group, 'UserGroupMemberAdded', { groupId: 'g1', userId });
    await append(connector, 'AppConnectorCreated', { ...ref, apiKey: '0'.repeat(32), description: 'Webshop', userGroupId: 'g1', userGroupCreatedWithConnector: false, blocked: true });
    await append(connector, 'AppConnectorDescriptionChanged', { ...ref, description: `Webshop ${n}` });
    await append(connector, 'GetConnectorsGranted', { ...ref, names: ['Articles', 'Orders'] });
    for (const [i, userId] of users.entries()) {
      await append(connector, 'TokenGenerated', { ...ref, tokenId: `t${i}`, userId, description: 'Laptop', tokenHash: hash(i), tokenHint: '…0000' });
    }
    await append(connector, 'TokenRevoked', { ...ref, tokenId: 't0', userId: users[0], tokenHash: hash(0) });
    await append(connector, 'AppConnectorUnblocked', ref);
  }
}
