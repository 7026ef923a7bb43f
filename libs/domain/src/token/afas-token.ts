import { hashSecret } from './secret-hash.js';

export const AFAS_TOKEN_DATA_BYTES = 32;

export type AfasTokenHeader =
  | { readonly ok: true; readonly data: string }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'plain' };

const SCHEME = /^AfasToken\s+(.*)$/is;
const TOKEN_XML = /^\s*<token>\s*<version>\s*1\s*<\/version>\s*<data>\s*([0-9A-Fa-f]{64})\s*<\/data>\s*<\/token>\s*$/;

/** The token text Profit shows once: `<token><version>1</version><data>{64 uppercase hex}</data></token>`. */
export function formatAfasToken(random32Bytes: Uint8Array): string {
  if (random32Bytes.length !== AFAS_TOKEN_DATA_BYTES) {
    throw new RangeError(`a token needs exactly ${AFAS_TOKEN_DATA_BYTES} random bytes, got ${random32Bytes.length}`);
  }
  const data = Array.from(random32Bytes, (byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
  return `<token><version>1</version><data>${data}</data></token>`;
}

/** What is stored of a token: sha-256 (lowercase hex) of its 64-hex data, taken in uppercase. */
export function hashTokenData(dataHex: string): string {
  return hashSecret(dataHex.toUpperCase());
}

/** Lets an administrator recognise a token without storing it: `…A1B2`. */
export function tokenHint(dataHex: string): string {
  return `…${dataHex.slice(-4).toUpperCase()}`;
}

/**
 * Reads `Authorization: AfasToken {base64 of the token XML}` and returns the 64-hex data in
 * uppercase. `plain` is the XML sent without base64, which newer Profit versions refuse too.
 * Never throws: every input maps to a result.
 */
export function parseAfasTokenHeader(authorizationHeaderValue: string | null | undefined): AfasTokenHeader {
  const value = authorizationHeaderValue?.trim() ?? '';
  if (value === '') return { ok: false, reason: 'missing' };
  if (value.startsWith('<')) return { ok: false, reason: 'plain' };
  const credentials = SCHEME.exec(value)?.[1]?.trim();
  if (credentials === undefined) return { ok: false, reason: 'malformed' };
  if (credentials.startsWith('<')) return { ok: false, reason: 'plain' };
  return parseTokenXml(decodeBase64(credentials) ?? '');
}

/**
 * The token as a service hands it to the verify API: the XML Profit shows once, or its base64 form
 * (what clients send). Same results as the header form; never throws.
 */
export function parseAfasToken(token: string | null | undefined): AfasTokenHeader {
  const text = token?.trim() ?? '';
  if (text === '') return { ok: false, reason: 'missing' };
  return parseTokenXml(text.startsWith('<') ? text : (decodeBase64(text) ?? ''));
}

function parseTokenXml(xml: string): AfasTokenHeader {
  const data = TOKEN_XML.exec(xml)?.[1];
  return data === undefined ? { ok: false, reason: 'malformed' } : { ok: true, data: data.toUpperCase() };
}

function decodeBase64(text: string): string | null {
  try {
    return atob(text);
  } catch {
    return null;
  }
}
