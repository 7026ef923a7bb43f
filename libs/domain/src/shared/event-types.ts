/**
 * The type names a consumer reads, from a record that must name every member of the event union
 * (`eventTypes<Event['type']>({ … })`), true for those it reads: a new event type is a compile
 * error until someone says whether it is read, never an event skipped in silence.
 */
export function eventTypes<Type extends string>(names: Record<Type, boolean>): ReadonlySet<string> {
  return new Set(Object.entries(names).filter(([, read]) => read).map(([name]) => name));
}
