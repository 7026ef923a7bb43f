import type { AdminClient } from '../support/test-app.js';

/** A GET that waits for `position` (a command answer's), so the test sees its own writes. */
export const readAfter = (admin: AdminClient, path: string, position: number) =>
  admin.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);

/** Creates a connector on a group and answers its id and the position of the write. */
export async function createConnector(admin: AdminClient, environmentId: string, groupId: string, description: string) {
  const response = await admin
    .post(`/api/v1/environments/${environmentId}/app-connectors`)
    .send({ description, userGroupId: groupId })
    .expect(201);
  return { id: response.body.id as string, position: response.body.position as number };
}

/** Every page of a list from `cursor` on, following nextCursor; checks each answer's shape on the way. */
export async function readAllPages(admin: AdminClient, path: string, limit: number, position: number, cursor: string | null = null) {
  const pages: { id: string }[][] = [];
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await readAfter(admin, `${path}?${query}`, position).expect(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    expect(response.body.position).toBeGreaterThanOrEqual(position);
    pages.push(response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor !== null);
  return pages;
}
