import type { RecordedEvent } from '#event-store';

/** Who created an aggregate and who changed it last, and its stream version (as command answers and ETags carry it). */
export interface ChangeStamp {
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}

export function stampAfter(previous: ChangeStamp | null, { metadata: { time, actor }, revision }: RecordedEvent): ChangeStamp {
  return { createdAt: previous?.createdAt ?? time, createdBy: previous?.createdBy ?? actor, updatedAt: time, updatedBy: actor, version: revision + 1 };
}

/**
 * Document id of something whose own id is only unique within its environment (connectors, groups):
 * a lookup by a route's environment and id can then never find another environment's document.
 * Environment ids hold letters and digits only, so the colon cannot be ambiguous.
 */
export const scopedId = (environmentId: string, localId: string) => `${environmentId}:${localId}`;
