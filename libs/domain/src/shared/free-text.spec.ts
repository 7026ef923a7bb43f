import { forbiddenCharacterReason } from './free-text.js';

describe('forbiddenCharacterReason', () => {
  it.each([
    ['NUL', '\u0000', 'control characters', 'U+0000'],
    ['tab', '\t', 'control characters', 'U+0009'],
    ['line feed', '\n', 'control characters', 'U+000A'],
    ['carriage return', '\r', 'control characters', 'U+000D'],
    ['escape', '\u001b', 'control characters', 'U+001B'],
    ['DEL', '\u007f', 'control characters', 'U+007F'],
    ['C1 next line', '\u0085', 'control characters', 'U+0085'],
    ['C1 application program command', '\u009f', 'control characters', 'U+009F'],
    ['line separator', '\u2028', 'line or paragraph separators', 'U+2028'],
    ['paragraph separator', '\u2029', 'line or paragraph separators', 'U+2029'],
    ['Arabic letter mark', '\u061c', 'invisible formatting characters', 'U+061C'],
    ['left-to-right mark', '\u200e', 'invisible formatting characters', 'U+200E'],
    ['right-to-left mark', '\u200f', 'invisible formatting characters', 'U+200F'],
    ['left-to-right embedding', '\u202a', 'invisible formatting characters', 'U+202A'],
    ['right-to-left override', '\u202e', 'invisible formatting characters', 'U+202E'],
    ['left-to-right isolate', '\u2066', 'invisible formatting characters', 'U+2066'],
    ['pop directional isolate', '\u2069', 'invisible formatting characters', 'U+2069'],
    ['zero-width space', '\u200b', 'invisible formatting characters', 'U+200B'],
    ['word joiner', '\u2060', 'invisible formatting characters', 'U+2060'],
    ['invisible times', '\u2062', 'invisible formatting characters', 'U+2062'],
    ['byte order mark', '\ufeff', 'invisible formatting characters', 'U+FEFF'],
  ])('given a %s, names its kind, code point and position', (_, character, kind, codePoint) => {
    expect(forbiddenCharacterReason(`ab${character}cd`)).toBe(`must not contain ${kind} (${codePoint} at position 3)`);
  });

  it('counts positions in characters from 1, an emoji being one, and names the first offender', () => {
    expect(forbiddenCharacterReason('\nx')).toBe('must not contain control characters (U+000A at position 1)');
    expect(forbiddenCharacterReason('😀\u202eab\n')).toBe('must not contain invisible formatting characters (U+202E at position 2)');
  });

  it.each([
    ['plain ASCII', 'Webshop Koppeling (EU) #2'],
    ['accents and other scripts', 'Müller — Ōsaka, שלום, 東京'],
    ['a no-break space', 'Acme\u00a0BV'],
    ['Persian with a zero-width non-joiner', 'می\u200cخواهم'],
    ['an emoji sequence with zero-width joiners', '👩\u200d💻 team'],
    ['an empty text', ''],
  ])('accepts %s', (_, text) => {
    expect(forbiddenCharacterReason(text)).toBeNull();
  });
});
