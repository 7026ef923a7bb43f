/** Everything non-deterministic the use cases need, behind one port so tests can pin it. */
export interface Runtime {
  now(): Date;
  newId(): string;
  randomBytes(size: number): Uint8Array;
}

export const RUNTIME = Symbol('RUNTIME');
