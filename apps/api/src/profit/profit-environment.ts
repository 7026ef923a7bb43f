import { isIP } from 'node:net';

const ENVIRONMENT_ID = /^[A-Za-z0-9]{1,32}$/;
const PORT = /:\d*$/;

/**
 * The environment a Profit client means by its host name: the first label of
 * `12345.rest.afas.online` (clients build the host from the environment number). Not for an IP
 * address, `localhost`, or a single-label name (a container or machine name names no environment).
 * The label keeps its case: host names are case-insensitive, but environment ids may hold letters.
 */
export function environmentFromHost(host: string | undefined): string | null {
  const name = (host ?? '').trim();
  if (name === '' || name.startsWith('[')) return null;
  const withoutPort = name.replace(PORT, '').replace(/\.$/, '');
  const lower = withoutPort.toLowerCase();
  if (isIP(withoutPort) !== 0 || lower === 'localhost' || lower.endsWith('.localhost')) return null;
  const labels = withoutPort.split('.');
  const first = labels[0] ?? '';
  return labels.length > 1 && ENVIRONMENT_ID.test(first) ? first : null;
}

export function isEnvironmentId(text: string | undefined): text is string {
  return text !== undefined && ENVIRONMENT_ID.test(text);
}
