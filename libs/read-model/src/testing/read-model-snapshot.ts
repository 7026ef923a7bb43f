import type { ReadDocument, ReadStore } from '../store/read-store.port.js';
import { collectionsOf, type Projection } from '../projection/projection.js';

/** Every document of the projections' collections plus their checkpoints, for equality checks. */
export async function snapshotReadModel(
  store: ReadStore,
  projections: readonly Projection[],
): Promise<{ documents: Record<string, ReadDocument[]>; checkpoints: Record<string, number> }> {
  const documents: Record<string, ReadDocument[]> = {};
  for (const spec of collectionsOf(projections)) documents[spec.name] = (await store.find(spec.name)).items;
  const checkpoints: Record<string, number> = {};
  for (const projection of projections) checkpoints[projection.name] = await store.getCheckpoint(projection.name);
  return { documents, checkpoints };
}
