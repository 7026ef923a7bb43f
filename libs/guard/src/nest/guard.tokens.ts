/** DI tokens of the guard (symbols, so that no two can collide). */
export const ACCESS_INDEX = Symbol('ACCESS_INDEX');
export const ACCESS_CHECKER = Symbol('ACCESS_CHECKER');
export const TOKEN_USAGE = Symbol('TOKEN_USAGE');
export const TRUSTED_PROXIES = Symbol('TRUSTED_PROXIES');
/** `() => number`: epoch milliseconds at which the guard decides. */
export const GUARD_CLOCK = Symbol('GUARD_CLOCK');
