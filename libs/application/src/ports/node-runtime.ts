import { randomBytes, randomUUID } from 'node:crypto';
import type { Runtime } from './runtime.port.js';

export const nodeRuntime: Runtime = {
  now: () => new Date(),
  newId: () => randomUUID(),
  randomBytes: (size) => randomBytes(size),
};
