export { EventFollower } from './event-follower.js';
export type { EventFollowerOptions, FollowerError, FollowerState } from './event-follower.options.js';
