/** DI tokens of the read side (symbols, so that no two can collide). */
/** The read models as this process sees them (ReadSide): projected here or by another process. */
export const READ_SIDE = Symbol('READ_SIDE');
/** Milliseconds a query with `minPosition` waits for the read models before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = Symbol('READ_YOUR_WRITES_TIMEOUT_MS');
