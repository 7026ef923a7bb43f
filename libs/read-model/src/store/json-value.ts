/** A value as JSON.parse returns it: plain objects, arrays, strings, finite numbers, booleans, null. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * What `JSON.parse(JSON.stringify(value))` returns, built directly instead of through the text
 * (about three times faster): `toJSON` is called, `undefined`, functions and symbols are left out
 * of objects and become null in arrays, non-finite numbers become null, and it throws where
 * JSON.stringify throws (a BigInt, a cycle). `undefined` when JSON.stringify would return undefined.
 */
export function toJsonValue(value: unknown): JsonValue | undefined {
  return serialise('', value, []);
}

/** A deep copy of a value that is already plain JSON (from `JSON.parse` or `toJsonValue`). */
export function cloneJsonValue<T extends JsonValue>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJsonValue) as T;
  // A spread copies the flat part fast (and defines an own `__proto__` key as a key); nested
  // objects and arrays are then replaced by their copies.
  const copy: { [key: string]: JsonValue } = { ...value };
  for (const key in copy) {
    const property = copy[key]!;
    if (typeof property === 'object' && property !== null) setProperty(copy, key, cloneJsonValue(property));
  }
  return copy as T;
}

// SerializeJSONProperty of ECMA-262, with the text left out; `ancestors` finds cycles.
function serialise(key: string, input: unknown, ancestors: object[]): JsonValue | undefined {
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key) as unknown;
  }
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) return serialiseArray(value, ancestors);
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype === Object.prototype || prototype === null) return serialiseObject(value, ancestors);
    value = unboxed(value);
    if (typeof value === 'object' && value !== null) return serialiseObject(value, ancestors);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return value === null ? null : undefined;
  }
}

function unboxed(value: object): unknown {
  if (value instanceof Number) return Number(value);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean || value instanceof BigInt) return value.valueOf();
  return value;
}

function serialiseArray(value: readonly unknown[], ancestors: object[]): JsonValue[] {
  enter(value, ancestors);
  const result: JsonValue[] = [];
  for (let index = 0; index < value.length; index++) result.push(serialise(String(index), value[index], ancestors) ?? null);
  ancestors.pop();
  return result;
}

function serialiseObject(value: object, ancestors: object[]): { [key: string]: JsonValue } {
  enter(value, ancestors);
  const result: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const property = serialise(key, (value as Record<string, unknown>)[key], ancestors);
    if (property !== undefined) setProperty(result, key, property);
  }
  ancestors.pop();
  return result;
}

function enter(value: object, ancestors: object[]): void {
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.push(value);
}

// `__proto__` can be an own key of parsed JSON; assigning it would set the prototype instead.
function setProperty(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
