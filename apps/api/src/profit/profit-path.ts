import { ProfitError } from '#guard';

/** What RFC 3986 lets a path hold unencoded; anything else raw is a client error. */
const RAW_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const PERCENT_ESCAPES = /%(?![0-9A-Fa-f]{2})/;
/** Control and invisible format characters (NUL, CR, LF, DEL, C1, bidi overrides, zero-width). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** Dots and spaces only (`.`, `..`, `. .`): a dot segment in some reader's eyes, never a name. */
const DOTS_OR_SPACES = /^[\s.]*$/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const ambiguousPath = (reason: string) =>
  new ProfitError(400, `The request path is not accepted: ${reason}`, 'path_not_canonical');

/**
 * Reads a raw request path (`request.url` before the query), once, into its percent-decoded
 * segments (a single trailing slash dropped): what the guard decides on, and what
 * `formatProfitPath` spells for the upstream. A path whose meaning depends on who reads it is refused with 400: backslashes, dot segments in any encoding, encoded slashes, empty
 * segments, control characters, double or invalid percent-encoding, invalid UTF-8, and
 * characters that Unicode compatibility folding turns into one of these.
 */
export function parseProfitPath(rawPath: string): readonly string[] {
  if (!RAW_PATH.test(rawPath)) throw ambiguousPath('it holds a character that must be percent-encoded (such as a backslash)');
  if (!rawPath.startsWith('/')) throw ambiguousPath('it does not start with a slash');
  const raw = rawPath.slice(1).split('/');
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  return raw.map(decodeSegment);
}

function decodeSegment(raw: string, index: number): string {
  const at = `segment ${index + 1}`;
  if (raw === '') throw ambiguousPath(`${at} is empty`);
  if (!raw.includes('%')) {
    // Plain ASCII as RAW_PATH allows it reads the same to everyone, unless it is a dot segment
    // (`..`, or `..;x` / `;x` to servers that read path parameters), which starts with `.` or `;`.
    const first = raw[0];
    if ((first === '.' || first === ';') && DOTS_OR_SPACES.test(raw.split(';', 1)[0] ?? '')) throw ambiguousPath(`${at} is a dot segment or blank`);
    return raw;
  }
  if (PERCENT_ESCAPES.test(raw)) throw ambiguousPath(`${at} has a % that is not followed by two hex digits`);
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(raw.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1'));
  } catch {
    throw ambiguousPath(`${at} is not valid UTF-8 once decoded`);
  }
  for (const reading of new Set([decoded, decoded.normalize('NFKC')])) {
    if (reading.includes('/') || reading.includes('\\')) throw ambiguousPath(`${at} holds an encoded slash or backslash`);
    if (reading.includes('%')) throw ambiguousPath(`${at} is encoded twice`);
    if (INVISIBLE.test(reading)) throw ambiguousPath(`${at} holds a control character`);
    // `..;x` is `..` to servers that read `;` as the start of path parameters.
    if (DOTS_OR_SPACES.test(reading.split(';', 1)[0] ?? '')) throw ambiguousPath(`${at} is a dot segment or blank`);
  }
  return decoded;
}

/** Characters a path segment may hold unencoded; `;` is encoded so that no server reads path parameters. */
const SEGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,=:@]/;
const ALL_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,=:@]*$/;

/** The one spelling of decoded segments that is forwarded: each byte outside `SEGMENT_SAFE` percent-encoded. */
export function formatProfitPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) path += `/${encodeSegment(segment)}`;
  return path;
}

function encodeSegment(segment: string): string {
  if (ALL_SAFE.test(segment)) return segment;
  let encoded = '';
  for (const char of segment) {
    if (SEGMENT_SAFE.test(char)) encoded += char;
    else for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
