/**
 * Document id of something whose own id is only unique within its environment (connectors, groups):
 * a lookup by a route's environment and id can then never find another environment's document.
 * Environment ids hold letters and digits only, so the colon cannot be ambiguous.
 */
export const scopedId = (environmentId: string, localId: string) => `${environmentId}:${localId}`;
