import { ENV, JDOE, OTHER_ENV, WEBSHOP_USER } from '../testing/environment-history.js';
import { projectHistory, type ProjectedHistory } from '../testing/project-history.js';
import { USER_GROUPS, type UserGroupDocument } from './user-group.document.js';
import { userGroupsProjection } from './user-groups.projection.js';

describe('user groups read model (SQLite)', () => {
  let history: ProjectedHistory;
  beforeAll(async () => {
    history = await projectHistory(userGroupsProjection());
  });
  afterAll(() => history.close());

  it('keeps members sorted, the stream version and who changed the group last', async () => {
    const groups = await history.all<UserGroupDocument>(USER_GROUPS);
    expect(groups.map(({ _id, name, members, version }) => ({ _id, name, members, version }))).toEqual([
      { _id: `${ENV}:g1`, name: 'Integrations', members: [JDOE, WEBSHOP_USER], version: 3 },
      { _id: `${ENV}:g2`, name: 'Payroll', members: [], version: 3 },
      { _id: `${OTHER_ENV}:g1`, name: 'Elsewhere', members: [], version: 1 },
    ]);
    const lastChange = history.events.filter((event) => event.streamId === `user-group-${ENV}-g2`).at(-1)!;
    expect(groups[1]).toMatchObject({ updatedAt: lastChange.metadata.time, updatedBy: 'alice', lastPosition: lastChange.position });
  });

  it('lists the groups of one environment through its index', async () => {
    const { items } = await history.store.find<UserGroupDocument>(USER_GROUPS, { where: { environmentId: OTHER_ENV } });
    expect(items.map((group) => group.id)).toEqual(['g1']);
  });

  it('changes nothing when every event is applied a second time', async () => {
    const before = await history.all(USER_GROUPS);
    await history.replay();
    expect(await history.all(USER_GROUPS)).toEqual(before);
  });
});
