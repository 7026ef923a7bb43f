import { ENV, JDOE, WEBSHOP_USER } from '../testing/environment-history.js';
import { projectHistory, type ProjectedHistory } from '../testing/project-history.js';
import { USERS, type UserDocument } from './user.document.js';
import { usersProjection } from './users.projection.js';

describe('users read model (SQLite)', () => {
  let history: ProjectedHistory;
  beforeAll(async () => {
    history = await projectHistory(usersProjection());
  });
  afterAll(() => history.close());

  it('keeps each user with the groups it is in now', async () => {
    const users = await history.store.find<UserDocument>(USERS, { where: { environmentId: ENV }, orderBy: { field: 'createdAt' } });
    expect(users.items.map(({ userId, kind, email, groupIds }) => ({ userId, kind, email, groupIds }))).toEqual([
      { userId: JDOE, kind: 'person', email: 'jdoe@example.com', groupIds: ['g1'] },
      { userId: WEBSHOP_USER, kind: 'system', email: null, groupIds: ['g1'] },
    ]);
    expect(users.items[0]).toMatchObject({ name: 'J. Doe', createdBy: 'alice', createdAt: expect.stringMatching(/^2025-03-01T09:/) });
  });

  it('changes nothing when every event is applied a second time', async () => {
    const before = await history.all(USERS);
    await history.replay();
    expect(await history.all(USERS)).toEqual(before);
  });
});
