/** One user in one group, as the membership routes name them. */
export interface Membership {
  readonly environmentId: string;
  readonly groupId: string;
  readonly userId: string;
}
