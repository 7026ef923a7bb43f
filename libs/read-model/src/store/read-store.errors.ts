/** Another writer advanced the checkpoint first; the transaction that tried was rolled back. */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(
    readonly projection: string,
    readonly attempted: number,
    readonly stored: number | null,
  ) {
    super(`checkpoint of ${projection}: cannot move to ${attempted}, stored is ${stored ?? 'unknown'}`);
  }
}

export class UnknownCollectionError extends Error {
  override readonly name = 'UnknownCollectionError';
  constructor(
    readonly collection: string,
    readonly generation: number,
  ) {
    super(`collection ${collection} is not declared in generation ${generation}`);
  }
}

export class UnknownGenerationError extends Error {
  override readonly name = 'UnknownGenerationError';
  constructor(readonly generation: number) {
    super(`generation ${generation} does not exist (dropped or never created)`);
  }
}

/** A query the port does not allow: an unindexed filter field, a bad name, a foreign cursor. */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
}
