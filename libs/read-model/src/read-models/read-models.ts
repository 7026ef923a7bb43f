import type { Projection } from '../projection/projection.js';
import { environmentsProjection } from './environments/environments.projection.js';

/** Every read model the service keeps. */
export function readModelProjections(): Projection[] {
  return [environmentsProjection()];
}
