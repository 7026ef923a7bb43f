/** DI tokens of the read side (symbols, STYLE.md). */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
