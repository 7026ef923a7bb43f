/** DI tokens of the read side (symbols, so that no two can collide). */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** Milliseconds a query with `minPosition` waits for the read models before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = Symbol('READ_YOUR_WRITES_TIMEOUT_MS');
