import { createHash } from 'node:crypto';
import { formatAfasToken, hashTokenData, parseAfasToken, parseAfasTokenHeader, tokenHint } from './afas-token.js';

const DATA = '0123456789ABCDEF'.repeat(4);
const XML = `<token><version>1</version><data>${DATA}</data></token>`;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const header = (xml: string) => `AfasToken ${b64(xml)}`;

describe('formatAfasToken', () => {
  it('writes 32 bytes as 64 uppercase hex in the version 1 token text', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 5) % 256);
    const hex = Buffer.from(bytes).toString('hex').toUpperCase();
    expect(formatAfasToken(bytes)).toBe(`<token><version>1</version><data>${hex}</data></token>`);
  });

  it('keeps leading zero nibbles', () => {
    expect(formatAfasToken(new Uint8Array(32))).toBe(`<token><version>1</version><data>${'0'.repeat(64)}</data></token>`);
  });

  it.each([0, 16, 31, 33])('refuses %i bytes', (length) => {
    expect(() => formatAfasToken(new Uint8Array(length))).toThrow(RangeError);
  });

  it('round-trips through the header parser', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const data = Buffer.from(bytes).toString('hex').toUpperCase();
    expect(parseAfasTokenHeader(header(formatAfasToken(bytes)))).toEqual({ ok: true, data });
  });
});

describe('hashTokenData and tokenHint', () => {
  it('hashes the uppercase data text with sha-256 into lowercase hex', () => {
    const expected = createHash('sha256').update(DATA).digest('hex');
    expect(hashTokenData(DATA)).toBe(expected);
    expect(hashTokenData(DATA.toLowerCase())).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hints with the last four characters', () => {
    expect(tokenHint(DATA)).toBe('…CDEF');
    expect(tokenHint(DATA.toLowerCase())).toBe('…CDEF');
  });
});

describe('parseAfasTokenHeader', () => {
  it('reads the data of a base64 token', () => {
    expect(parseAfasTokenHeader(header(XML))).toEqual({ ok: true, data: DATA });
  });

  it.each([
    ['whitespace between tags', `\n<token>\n  <version>1</version>\n  <data>${DATA}</data>\n</token>\n`],
    ['whitespace around values', `<token><version> 1 </version><data>\n${DATA}\n</data></token>`],
    ['lowercase hex', XML.replace(DATA, DATA.toLowerCase())],
  ])('tolerates %s', (_, xml) => {
    expect(parseAfasTokenHeader(header(xml))).toEqual({ ok: true, data: DATA });
  });

  it('tolerates a lowercase scheme, extra spaces and missing base64 padding', () => {
    const encoded = b64(`${XML} `);
    expect(encoded.endsWith('=')).toBe(true);
    expect(parseAfasTokenHeader(`  afastoken   ${encoded.replace(/=+$/, '')}  `)).toEqual({ ok: true, data: DATA });
  });

  it.each([undefined, null, '', '   '])('reports %j as missing', (value) => {
    expect(parseAfasTokenHeader(value)).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['the XML after the scheme', `AfasToken ${XML}`],
    ['the XML without a scheme', XML],
  ])('reports %s as plain', (_, value) => {
    expect(parseAfasTokenHeader(value)).toEqual({ ok: false, reason: 'plain' });
  });

  it.each([
    ['another scheme', `Bearer ${b64(XML)}`],
    ['a scheme without credentials', 'AfasToken'],
    ['a scheme glued to its credentials', `AfasToken${b64(XML)}`],
    ['base64 without a scheme', b64(XML)],
    ['characters outside base64', 'AfasToken ***'],
    ['impossible base64 length', 'AfasToken QUJDR'],
    ['base64 of other text', `AfasToken ${b64('hello')}`],
    ['version 2', header(XML.replace('<version>1<', '<version>2<'))],
    ['63 hex', header(XML.replace(DATA, DATA.slice(1)))],
    ['65 hex', header(XML.replace(DATA, `${DATA}0`))],
    ['a non-hex character', header(XML.replace(DATA, `${DATA.slice(1)}G`))],
    ['a space inside the data', header(XML.replace(DATA, `${DATA.slice(0, 32)} ${DATA.slice(32)}`))],
    ['no version', header(`<token><data>${DATA}</data></token>`)],
    ['an extra element', header(XML.replace('</data>', '</data><x/>'))],
    ['text after the token', header(`${XML}x`)],
    ['a missing closing tag', header(XML.replace('</token>', ''))],
  ])('reports %s as malformed', (_, value) => {
    expect(parseAfasTokenHeader(value)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('parseAfasToken (the verify API\'s token field)', () => {
  it('reads the XML text and its base64 form alike, with surrounding space', () => {
    for (const token of [XML, ` ${XML}\n`, Buffer.from(XML).toString('base64')]) {
      expect(parseAfasToken(token)).toEqual({ ok: true, data: DATA });
    }
  });

  it.each([
    [undefined, 'missing'],
    ['  ', 'missing'],
    ['hello', 'malformed'],
    ['<token>nope</token>', 'malformed'],
    [`AfasToken ${Buffer.from(XML).toString('base64')}`, 'malformed'],
  ] as const)('answers %j as %s', (token, reason) => {
    expect(parseAfasToken(token)).toEqual({ ok: false, reason });
  });
});
