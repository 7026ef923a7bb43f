/**
 * The set of an event union's type names, built from a record that must name every member
 * (`satisfies Record<Event['type'], true>` at the call site): a new event type the set does not
 * list is a compile error, not an event skipped in silence.
 */
export function eventTypes<Type extends string>(names: Record<Type, true>): ReadonlySet<string> {
  return new Set(Object.keys(names));
}
