import { z } from 'zod';
import { freeText } from './free-text.js';

describe('freeText', () => {
  const schema = z.strictObject({ name: freeText('the name') });

  it('passes text without control or invisible characters, untouched', () => {
    expect(schema.parse({ name: ' Müller 👩\u200d💻 ' })).toEqual({ name: ' Müller 👩\u200d💻 ' });
  });

  it('refuses a control character with an issue on the field naming the character and its position', () => {
    const issues = schema.safeParse({ name: 'ab\ncd' }).error?.issues;
    expect(issues?.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
      { path: ['name'], message: 'must not contain control characters (U+000A at position 3)' },
    ]);
  });

  it('describes the field and the rule for OpenAPI', () => {
    expect(freeText('the name').description).toMatch(/^the name; no control characters .*bidi/);
  });
});
