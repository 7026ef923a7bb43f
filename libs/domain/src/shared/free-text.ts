/**
 * Characters a name, description or e-mail address must not hold. Control characters (C0 such as
 * NUL, tab, CR and LF; DEL; C1) end lines where the text lands in an e-mail subject, a header or a
 * log line. Bidi marks, embeddings, overrides and isolates make text read other than it is stored
 * (`Invoice\u202Etxt.exe`). Invisible characters make two names look the same: the zero-width
 * space, word joiner, invisible operators and BOM have no part in any word, so they are refused too.
 * The zero-width non-joiner and joiner (U+200C, U+200D) are allowed: Persian and Indic scripts spell
 * words with them, and emoji sequences such as "woman technologist" are made of them.
 */
const FORBIDDEN =
  /(?<control>\p{Cc})|(?<separator>[\u2028\u2029])|[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;

/**
 * Why `text` is no acceptable free text, naming the first offending character and its position
 * (counted in characters from 1): `must not contain control characters (U+000A at position 3)`.
 * `null` when it is fine.
 */
export function forbiddenCharacterReason(text: string): string | null {
  const match = FORBIDDEN.exec(text);
  if (match === null) return null;
  const { control, separator } = match.groups ?? {};
  const kind =
    control !== undefined ? 'control characters' : separator !== undefined ? 'line or paragraph separators' : 'invisible formatting characters';
  const codePoint = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const position = [...text.slice(0, match.index)].length + 1;
  return `must not contain ${kind} (${codePoint} at position ${position})`;
}
