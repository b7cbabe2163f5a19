/**
 * Every kind of bad input gets its own IngestError code and a message a user can act on.
 */
import { describe, expect, it } from 'vitest';
import { IngestError, type IngestErrorCode } from '../../src/lib/server/ingest/errors';
import { MAX_DOCUMENT_BYTES, parseDocument } from '../../src/lib/server/ingest/parse';

function failure(input: Uint8Array | string, options?: { maxBytes?: number }): IngestError {
  try {
    parseDocument(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected parseDocument to throw');
}

function expectFailure(input: Uint8Array | string, code: IngestErrorCode, message: RegExp): void {
  const error = failure(input);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const withMagic = (magic: number[] | string): Uint8Array =>
  Buffer.concat([
    Buffer.from(typeof magic === 'string' ? Buffer.from(magic, 'latin1') : magic),
    Buffer.alloc(64, 0x20),
    Buffer.from('some text after the header')
  ]);

describe('empty', () => {
  it.each([
    ['zero bytes', new Uint8Array(0)],
    ['white space', Buffer.from(' \n\t\r\n  ')],
    ['a UTF-8 BOM only', bytes(0xef, 0xbb, 0xbf)],
    ['a UTF-16 BOM and spaces', bytes(0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00)],
    ['an empty string', ''],
    ['a blank string', '\uFEFF \n ']
  ])('%s', (_, input) => {
    expectFailure(input, 'empty', /empty/);
  });
});

describe('too_large', () => {
  it('refuses 20 MB + 1 byte, stating the limit and the size', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
    const input = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    const error = failure(input);
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('20,971,521 bytes');
    expect(error.message).toContain('20 MB limit (20,971,520 bytes)');
  });

  it('accepts exactly the limit (the size check is not off by one)', () => {
    const input = new Uint8Array(2048).fill(0x61);
    expect(parseDocument(input, { maxBytes: 2048 }).format).toBe('none');
    expect(failure(input, { maxBytes: 2047 }).code).toBe('too_large');
  });

  it('honours maxBytes, and measures strings in UTF-8 bytes', () => {
    expect(failure('x'.repeat(101), { maxBytes: 100 }).code).toBe('too_large');
    expect(failure('ж'.repeat(51), { maxBytes: 100 }).message).toMatch(
      /102 bytes\), over the 1 KB limit \(100 bytes\)/
    );
    expect(parseDocument('ж'.repeat(50), { maxBytes: 100 }).format).toBe('none');
  });
});

describe('binary', () => {
  it.each([
    ['%PDF-1.7', 'a PDF document'],
    [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
    [[0x1f, 0x8b, 0x08, 0x00], 'a gzip-compressed file'],
    [[0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
    ['GIF89a', 'a GIF image']
  ] as const)('recognises %j as %s', (magic, looksLike) => {
    expectFailure(
      withMagic(magic as number[] | string),
      'binary',
      new RegExp(`looks like ${looksLike}.*Save Page As`)
    );
  });

  it('refuses NUL bytes outside UTF-16', () => {
    expectFailure(
      Buffer.from('Title\n\nText\u0000with a NUL and\u0000another, not every other byte'),
      'binary',
      /NUL bytes \(the first at byte 11\)/
    );
  });

  it('refuses text full of control characters', () => {
    const noisy = Buffer.from(
      Array.from({ length: 400 }, (_, index) => (index % 7 === 0 ? 0x01 : 0x41))
    );
    expectFailure(noisy, 'binary', /control characters/);
  });

  it('lets a stray control character or two through', () => {
    expect(
      parseDocument('Title\n\nA body with one \u0007 bell and one \u001b escape.').article.title
    ).toBe('Title');
  });

  it('refuses NUL in string input too', () => {
    expectFailure('text\u0000more', 'binary', /NUL/);
  });
});

describe('invalid_encoding', () => {
  it('refuses a page that declares UTF-8 but is not', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="utf-8"></head><body><p>K'),
      bytes(0xf6),
      Buffer.from('ln</p></body></html>')
    ]);
    expectFailure(page, 'invalid_encoding', /not valid UTF-8, though the page declares it is/);
  });

  it('refuses mostly-UTF-8 with broken sequences', () => {
    const text = Buffer.concat([
      Buffer.from('Köln, Düsseldorf, Nürnberg und '),
      bytes(0xe2, 0x82),
      Buffer.from(' kaputt')
    ]);
    expectFailure(
      text,
      'invalid_encoding',
      /mostly UTF-8 but has 1 broken byte sequence \(the first at byte 34\)/
    );
  });

  it('refuses UTF-16 whose bytes end mid-character', () => {
    expectFailure(
      bytes(0xff, 0xfe, 0x41, 0x00, 0x42),
      'invalid_encoding',
      /not valid UTF-16 LE, though its byte-order mark says it is/
    );
  });

  it('refuses UTF-16 with an unpaired surrogate', () => {
    expectFailure(
      bytes(0xfe, 0xff, 0x00, 0x41, 0xd8, 0x3d, 0x00, 0x42),
      'invalid_encoding',
      /UTF-16 BE/
    );
  });

  it('refuses UTF-32', () => {
    expectFailure(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0), 'invalid_encoding', /UTF-32/);
  });
});

describe('truncated_html', () => {
  it('refuses HTML that opens <html> and never closes it', () => {
    expectFailure(
      '<!DOCTYPE html><html><head><title>T</title></head><body><p>Some text</p></body>',
      'truncated_html',
      /looks cut off.*never closes it.*Save the page again/
    );
  });

  it('refuses HTML that ends inside a tag', () => {
    expectFailure(
      '<div class="comments"><div class="comment"><p>First</p></div><div class="comm',
      'truncated_html',
      /ends inside a tag \(“<div class="comm”\)/
    );
  });

  it('refuses HTML that ends inside a comment', () => {
    expectFailure(
      '<html><body><p>Text</p></body></html>\n<!-- saved from ',
      'truncated_html',
      /inside an HTML comment/
    );
  });

  it('accepts a closed page, a fragment, and text quoting tags', () => {
    expect(parseDocument('<html><body><p>Text</p></body></html>\n').markup).toBe('html');
    expect(parseDocument('<div><p>A fragment</p></div>').markup).toBe('html');
    expect(parseDocument('<p>1 < 2 and 3 > 2</p><p>a <').markup).toBe('html');
    expect(parseDocument('Title\n\nA troll pasted <html><script').markup).toBe('text');
  });
});
