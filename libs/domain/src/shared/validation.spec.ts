import { DomainError } from './domain-error.js';
import { requireText } from './validation.js';

describe('requireText', () => {
  it('trims and checks the length', () => {
    expect(requireText('  Webshop ', 'description', 10)).toBe('Webshop');
    expect(() => requireText('   ', 'description', 10)).toThrow(expect.objectContaining({ code: 'description_required' }));
    expect(() => requireText('Webshop!!!!', 'description', 10)).toThrow(expect.objectContaining({ code: 'description_too_long' }));
  });

  it.each([
    ['inside', 'Web\u202eshop', 'invisible formatting characters (U+202E at position 4)'],
    ['at the end, where trimming would drop it', 'Webshop\n', 'control characters (U+000A at position 8)'],
    ['at the start', '\u2028Webshop', 'line or paragraph separators (U+2028 at position 1)'],
  ])('refuses a forbidden character %s, naming it', (_, text, reason) => {
    let thrown: unknown;
    try {
      requireText(text, 'description', 255);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ kind: 'invalid', code: 'description_invalid', field: 'description', message: `description must not contain ${reason}` });
  });
});
