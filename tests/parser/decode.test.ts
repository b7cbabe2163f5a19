/**
 * Encodings are detected, not assumed: each fixture under tests/fixtures/encoding/ (written
 * by make-fixtures.mjs there) must be recognised and decoded back to its text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/lib/server/ingest/decode';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { parseDocument } from '../../src/lib/server/ingest/parse';

const fixture = (name: string): Buffer =>
  readFileSync(join(import.meta.dirname, '../fixtures/encoding', name));

const GERMAN = [
  'Grüße aus Köln',
  'Schön wär’s, wenn „die da oben“',
  '(((die Üblichen))) natürlich…'
];
const GERMAN_ARTICLE = [
  'Die Abstimmung über die östliche Linie',
  '310 Mio. €',
  '„Wir sind nicht gegen die Bahn'
];

describe('encoding detection', () => {
  it.each([
    ['utf8-no-bom.txt', 'utf-8', GERMAN],
    ['utf8-bom.txt', 'utf-8', GERMAN],
    ['utf16le-bom.txt', 'utf-16le', [...GERMAN, 'Привет 👋']],
    ['utf16be-bom.html', 'utf-16be', GERMAN_ARTICLE],
    ['utf16le-no-bom.txt', 'utf-16le', GERMAN],
    ['windows1252-undeclared.txt', 'windows-1252', GERMAN],
    ['latin1-declared.html', 'windows-1252', GERMAN_ARTICLE],
    ['xml-prolog-windows1252.html', 'windows-1252', GERMAN_ARTICLE],
    ['utf8-stale-latin1-meta.html', 'utf-8', GERMAN_ARTICLE],
    [
      'windows1251-declared.html',
      'windows-1251',
      ['Городской совет снова отложил', '«Мы не против трамвая']
    ]
  ])('%s is %s', (name, encoding, needles) => {
    const decoded = decodeDocument(fixture(name));
    expect(decoded.encoding).toBe(encoding);
    for (const needle of needles) expect(decoded.text).toContain(needle);
    expect(decoded.text).not.toMatch(/\uFFFD|Ã|â€/);
    expect(decoded.text.startsWith('\uFEFF')).toBe(false);
  });

  it('reports the encoding and reads the article of a legacy page', () => {
    const parsed = parseDocument(fixture('latin1-declared.html'));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.markup).toBe('html');
    expect(parsed.article.title).toBe('Stadtrat vertagt Entscheidung über neue Straßenbahn');
    expect(parsed.article.body).toContain('die Kosten stiegen auf 310 Mio. €.');
  });

  it('reads comments from a Windows-1252 text copy', () => {
    const parsed = parseDocument(fixture('windows1252-undeclared.txt'));
    expect(parsed.format).toBe('zerohedge');
    expect(parsed.comments.map((comment) => comment.author)).toEqual(['Müller', 'Zoë']);
    expect(parsed.comments[1]!.text).toBe(
      'Naïve Frage: wer zahlt das? (((die Üblichen))) natürlich…'
    );
  });

  it.each([
    ['utf8-declared-latin1-bytes.html', /not valid UTF-8, though the page declares it is/],
    [
      'utf8-mostly-broken.txt',
      /mostly UTF-8 but has 2 broken byte sequences \(the first at byte \d+\)/
    ]
  ])('%s is refused as invalid_encoding', (name, message) => {
    expect(() => decodeDocument(fixture(name))).toThrow(message);
    expect(() => decodeDocument(fixture(name))).toThrow(IngestError);
  });

  it('treats pure ASCII as UTF-8 unless the page declares otherwise', () => {
    expect(decodeDocument(Buffer.from('plain words')).encoding).toBe('utf-8');
    expect(decodeDocument(Buffer.from('<meta charset="iso-8859-1"><p>plain</p>')).encoding).toBe(
      'windows-1252'
    );
  });

  it('ignores an undecodable or UTF-16 declaration and detects instead', () => {
    const bogus = Buffer.concat([
      Buffer.from('<meta charset="x-klingon"><p>caf'),
      Buffer.from([0xe9]),
      Buffer.from('</p>')
    ]);
    expect(decodeDocument(bogus)).toEqual({
      text: '<meta charset="x-klingon"><p>café</p>',
      encoding: 'windows-1252'
    });
    expect(decodeDocument(Buffer.from('<meta charset="utf-16"><p>café</p>')).encoding).toBe(
      'utf-8'
    );
  });

  it('decodes Windows-1252 punctuation, not ISO-8859-1 control codes', () => {
    const bytes = Buffer.from([0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x85]);
    expect(decodeDocument(bytes)).toEqual({ text: '“Q” – €5 …', encoding: 'windows-1252' });
  });

  it('passes strings through as UTF-8 text, dropping a leading BOM', () => {
    expect(decodeDocument('\uFEFFHallo Köln')).toEqual({ text: 'Hallo Köln', encoding: 'utf-8' });
  });

  it('decodes UTF-16 pages whole (CRLF, astral characters)', () => {
    const text = 'Line one\r\nLine two 👋\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeDocument(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});
