/**
 * Keys whose values never leave the event store through the audit views. Matched by name rather than
 * listed per event, so that a future event carrying a hash or secret is hidden by default instead of
 * leaked until someone remembers to extend a list. `token` alone would be the token text itself.
 */
const SECRET_KEY = /hash|secret|password|passphrase|private|credential|^token$/i;

/** A sha-256 digest or the AFAS token text, whatever key carries it. */
const SECRET_VALUE = /^[0-9a-f]{64}$|<token>/i;

/** Event data as an auditor may see it: hashes and secrets removed at any depth, the rest unchanged. */
export function sanitizeEventData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return sanitizeObject(data);
}

function sanitizeObject(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key) || isSecretValue(item)) continue;
    kept[key] = sanitizeValue(item);
  }
  return kept;
}

function sanitizeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isSecretValue(item)).map(sanitizeValue);
  if (value !== null && typeof value === 'object') return sanitizeObject(value as Record<string, unknown>);
  return value;
}

const isSecretValue = (value: unknown) => typeof value === 'string' && SECRET_VALUE.test(value);
