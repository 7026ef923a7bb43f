import { ENVIRONMENT_ID_PATTERN as ENVIRONMENT_ID } from '#domain';

/**
 * What follows the first label of a host that names no environment: nothing, `localhost` or a name
 * under it, or digits only (the rest of an IPv4 address; no top-level domain is numeric), each with
 * an optional trailing dot and port. Linear: no two parts can match the same text.
 */
const NO_ENVIRONMENT_AFTER_FIRST_LABEL = /^(?:(?:[^.:]+\.)*localhost|\d+(?:\.\d+)*)?\.?(?::\d*)?$/i;

/**
 * The environment a Profit client means by its host name: the first label of
 * `12345.rest.afas.online` (clients build the host from the environment number). Not for an IP
 * address, `localhost`, or a single-label name (a container or machine name names no environment).
 * The label keeps its case: host names are case-insensitive, but environment ids may hold letters.
 * Runs on every Profit call: two regular-expression tests and no other work on the string.
 */
export function environmentFromHost(host: string | undefined): string | null {
  const name = host === undefined ? '' : host.trim();
  const dot = name.indexOf('.');
  if (dot <= 0) return null;
  const first = name.slice(0, dot);
  if (!ENVIRONMENT_ID.test(first) || NO_ENVIRONMENT_AFTER_FIRST_LABEL.test(name.slice(dot + 1))) return null;
  return first;
}

export function isEnvironmentId(text: string | undefined): text is string {
  return text !== undefined && ENVIRONMENT_ID.test(text);
}
