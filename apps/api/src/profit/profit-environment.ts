import { isIP } from 'node:net';

const ENVIRONMENT_ID = /^[A-Za-z0-9]{1,32}$/;
const DIGITS = /^\d+$/;
const PORT = /:\d*$/;
const TRAILING_DOT = /\.$/;

/**
 * The environment a Profit client means by its host name: the first label of
 * `12345.rest.afas.online` (clients build the host from the environment number). Not for an IP
 * address, `localhost`, or a single-label name (a container or machine name names no environment).
 * The label keeps its case: host names are case-insensitive, but environment ids may hold letters.
 * Runs on every Profit call, so it looks at the first label before anything else.
 */
export function environmentFromHost(host: string | undefined): string | null {
  const name = host?.trim() ?? '';
  const dot = name.indexOf('.');
  if (dot <= 0) return null;
  const first = name.slice(0, dot);
  if (!ENVIRONMENT_ID.test(first)) return null;
  const rest = withoutPortAndTrailingDot(name.slice(dot + 1)).toLowerCase();
  if (rest === '' || rest === 'localhost' || rest.endsWith('.localhost')) return null;
  if (DIGITS.test(first) && isIP(`${first}.${rest}`) !== 0) return null;
  return first;
}

function withoutPortAndTrailingDot(text: string): string {
  return text.replace(PORT, '').replace(TRAILING_DOT, '');
}

export function isEnvironmentId(text: string | undefined): text is string {
  return text !== undefined && ENVIRONMENT_ID.test(text);
}
