import { parseIfMatch } from './if-match.js';
import { ValidationFailedError } from './problem.js';

describe('parseIfMatch', () => {
  it.each([
    [undefined, undefined],
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['*', undefined],
  ])('%s → %s', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each(['"abc"', 'yesterday', '"1", "2"', '"-1"'])('refuses %s', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ValidationFailedError);
  });
});
