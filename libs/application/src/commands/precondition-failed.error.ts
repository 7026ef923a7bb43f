/** The caller's `If-Match` version is not the stream's current version (HTTP 412). */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`the resource is at version ${actualVersion}, not ${expectedVersion}: reload it and try again`);
  }
}
