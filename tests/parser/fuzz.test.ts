/**
 * Property test: whatever it is fed — random bytes, random text, HTML-ish soup, or the
 * seeds and fixture files mutated (byte flips, truncations, splices, lines duplicated or
 * deleted) — parseDocument returns a well-formed ParsedDocument or throws an IngestError.
 * An `unparseable` IngestError counts as a failure too: parse.ts only raises it when a
 * format module or the core crashed, which is a bug to fix, not an input to refuse.
 *
 * 10,000 inputs in all, seeded for reproducibility (FUZZ_SEED=n to explore other seeds).
 * Then hostile inputs, fewer of them: seeds with invalid UTF-8 or NUL bytes inserted,
 * nesting up to 100,000 deep (refused past 1,000 levels: nesting.ts), and a 50 MB document.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/lib/server/ingest/errors';
import { parseDocument } from '../../src/lib/server/ingest/parse';
import type { ParsedDocument } from '../../src/lib/server/ingest/types';

const SEED = Number(process.env.FUZZ_SEED ?? 20161110);
const RUNS_PER_KIND = 2000;
/** Inputs are capped so that 10,000 parses stay well under a minute on two cores. */
const MAX_SOURCE_BYTES = 12 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const root = join(import.meta.dirname, '../..');
const seeds = filesUnder(join(root, 'seeds')).filter((path) => path.endsWith('.txt'));
const fixtures = filesUnder(join(root, 'tests/fixtures')).filter((path) => !path.endsWith('.mjs'));
const load = (paths: string[]): Uint8Array[] =>
  paths.sort().map((path) => new Uint8Array(readFileSync(path).subarray(0, MAX_SOURCE_BYTES)));
const seedBytes = load(seeds);
const fixtureBytes = load(fixtures);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const nullableString = (value: unknown): boolean => value === null || typeof value === 'string';

/** The contract of types.ts, checked at run time. */
function assertShape(document: ParsedDocument): void {
  expect(Object.keys(document).sort()).toEqual([
    'article',
    'comments',
    'encoding',
    'format',
    'markup'
  ]);
  expect(typeof document.format).toBe('string');
  expect(document.format).not.toBe('');
  expect(['text', 'html']).toContain(document.markup);
  expect(typeof document.encoding).toBe('string');
  const { article } = document;
  expect(Object.keys(article).sort()).toEqual(['body', 'byline', 'publishedAt', 'source', 'title']);
  expect(typeof article.body).toBe('string');
  for (const key of ['title', 'source', 'byline', 'publishedAt'] as const)
    expect(nullableString(article[key]), key).toBe(true);
  if (article.publishedAt !== null) expect(article.publishedAt).toMatch(ISO);
  expect(Array.isArray(document.comments)).toBe(true);
  if (document.format === 'none') expect(document.comments).toEqual([]);
  document.comments.forEach((comment, index) => {
    expect(Object.keys(comment).sort()).toEqual([
      'author',
      'parent',
      'postedAt',
      'postedAtRaw',
      'text'
    ]);
    expect(typeof comment.text).toBe('string');
    expect(nullableString(comment.author)).toBe(true);
    expect(nullableString(comment.postedAtRaw)).toBe(true);
    if (comment.postedAt !== null) expect(comment.postedAt).toMatch(ISO);
    if (comment.parent !== null) {
      expect(Number.isInteger(comment.parent)).toBe(true);
      expect(comment.parent).toBeGreaterThanOrEqual(0);
      expect(comment.parent).toBeLessThan(index);
    }
  });
}

/** Parses one input; returns what happened ('parsed' or the IngestError code). */
function parsesOrRefuses(input: Uint8Array | string): string {
  let document: ParsedDocument;
  try {
    document = parseDocument(input);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    if (error.code === 'unparseable')
      throw new Error(`crash inside the parser: ${error.message}`, { cause: error.cause });
    return error.code;
  }
  assertShape(document);
  return 'parsed';
}

/** Runs the property; returns how many inputs ended which way, so a test can show it parsed some. */
function fuzz<T extends Uint8Array | string>(
  inputs: fc.Arbitrary<T>,
  offset: number
): Record<string, number> {
  const outcomes: Record<string, number> = {};
  fc.assert(
    fc.property(inputs, (input) => {
      const outcome = parsesOrRefuses(input);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }),
    { numRuns: RUNS_PER_KIND, seed: SEED + offset, endOnFailure: true }
  );
  return outcomes;
}

/** A kind of input where most inputs are refused would test the refusals, not the parser. */
const MIN_PARSED_SHARE = 0.2;

// --- generators ---------------------------------------------------------------------

const TAGS = [
  'html',
  'head',
  'body',
  'div',
  'p',
  'span',
  'article',
  'main',
  'section',
  'ul',
  'li',
  'a',
  'time',
  'img',
  'br',
  'script',
  'style',
  'h1',
  'table',
  'td',
  'blockquote',
  'pre',
  'nav',
  'footer',
  'figure',
  'shreddit-comment',
  'ytd-comment-renderer'
];
const CLASSES = [
  'comment',
  'comments',
  'indented',
  'username',
  'content',
  'submitted',
  'reply',
  'author',
  'message',
  'post',
  'thing',
  'commtext',
  'athing',
  'byline',
  'children',
  'md',
  'entry'
];
const TEXT_PIECES = [
  "Name's picture",
  'mary mary says:',
  'November 10, 2016 at 3:15 pm',
  '3 hours ago',
  '10. November 2016 um 15:15 Uhr',
  '10 ноября 2016 в 15:15',
  '(((Reuters)))',
  'Reply',
  'Skip to content',
  'Donald TrumpDonald TrumpGOP MORE’s',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#xD800;',
  '\u0000',
  '\ufeff',
  '\ud800',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<meta charset="utf-8">',
  '<meta charset="iso-8859-1">',
  '{"@type":"NewsArticle","headline":"x","author":[{"name":"y"}]}',
  'points by alice 3 hours ago',
  'Quote:',
  'Originally Posted by bob',
  '» ',
  '\t',
  '\r\n',
  '\n\n'
];

const word = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 });
const attribute = fc.oneof(
  fc.constantFrom(...CLASSES).map((name) => ` class="${name}"`),
  fc
    .constantFrom(
      'id="comments"',
      'datetime="2017-05-18T10:12:00Z"',
      'alt="Tyler Durden\'s picture"',
      'type="application/ld+json"',
      'data-depth="2"',
      'itemprop="articleBody"',
      'property="og:title" content="T"'
    )
    .map((text) => ` ${text}`),
  word.map((text) => ` ${text}="${text}"`)
);
const soupPiece = fc.oneof(
  fc
    .tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 }))
    .map(([tag, attributes]) => `<${tag}${attributes.join('')}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
  fc.constantFrom(...TEXT_PIECES),
  word,
  fc.string({ unit: 'binary', maxLength: 8 })
);
const htmlSoup = fc
  .tuple(fc.boolean(), fc.array(soupPiece, { maxLength: 400, size: 'large' }))
  .map(([wrapped, pieces]) =>
    wrapped ? `<!DOCTYPE html><html><body>${pieces.join('')}</body></html>` : pieces.join('')
  );

/** Any bytes (mostly refused as binary), and bytes without NUL or C0 controls (decoded, then parsed). */
const TEXT_LIKE_BYTES = [
  0x09,
  0x0a,
  0x0d,
  ...Array.from({ length: 224 }, (_, index) => index + 0x20)
];
const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096, size: 'max' }),
  fc
    .array(fc.constantFrom(...TEXT_LIKE_BYTES), { maxLength: 4096, size: 'large' })
    .map((values) => Uint8Array.from(values))
);

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 })
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    donor: fc.nat(),
    from: fc.nat(),
    length: fc.nat({ max: 2000 })
  }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 16 })
  })
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: Uint8Array, mutations: Mutation[], donors: Uint8Array[]): Uint8Array {
  let bytes = Buffer.from(source);
  for (const change of mutations) {
    const at = bytes.length === 0 ? 0 : 'at' in change ? change.at % (bytes.length + 1) : 0;
    if (change.kind === 'flip' && bytes.length > 0) bytes[at % bytes.length] = change.value;
    else if (change.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (change.kind === 'insert')
      bytes = Buffer.concat([bytes.subarray(0, at), change.bytes, bytes.subarray(at)]);
    else if (change.kind === 'splice') {
      const donor = donors[change.donor % donors.length]!;
      const from = donor.length === 0 ? 0 : change.from % donor.length;
      bytes = Buffer.concat([
        bytes.subarray(0, at),
        donor.subarray(from, from + change.length),
        bytes.subarray(at)
      ]);
    } else if (change.kind === 'duplicateLine' || change.kind === 'deleteLine') {
      const lines = bytes.toString('latin1').split('\n');
      const line = change.line % lines.length;
      if (change.kind === 'duplicateLine') lines.splice(line, 0, lines[line]!);
      else lines.splice(line, 1);
      bytes = Buffer.from(lines.join('\n'), 'latin1');
    }
  }
  return new Uint8Array(bytes.subarray(0, MAX_SOURCE_BYTES * 2));
}

const mutated = (sources: Uint8Array[]) =>
  fc
    .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([index, mutations]) =>
      mutate(sources[index % sources.length]!, mutations, [...seedBytes, ...fixtureBytes])
    );

describe('fuzz: parseDocument returns a ParsedDocument or throws an IngestError', () => {
  it('has seeds and fixtures to mutate', () => {
    expect(seedBytes).toHaveLength(5);
    expect(fixtureBytes.length).toBeGreaterThan(0);
  });

  it('random bytes', () => {
    fuzz(randomBytes, 1);
  });

  it('random strings (any code point, lone surrogates included), as text and as UTF-8', () => {
    const strings = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 2000, size: 'large' }), fc.boolean())
      .map(([text, asBytes]) => (asBytes ? new TextEncoder().encode(text) : text));
    fuzz(strings, 2);
  });

  it.each([
    ['HTML-ish soup', htmlSoup, 3],
    ['mutated seeds', mutated(seedBytes), 4],
    ['mutated fixture files', mutated(fixtureBytes), 5]
  ] as const)('%s', (_, inputs, offset) => {
    const outcomes = fuzz<Uint8Array | string>(inputs, offset);
    expect(outcomes.parsed ?? 0).toBeGreaterThan(RUNS_PER_KIND * MIN_PARSED_SHARE);
  });
});

// --- hostile inputs: huge, deeply nested, broken UTF-8, NUL bytes ------------------------

/** Where a seed's bytes are cut to insert something: anywhere, chosen by fast-check. */
const insertAt = (bytes: Uint8Array, at: number, inserted: Uint8Array): Uint8Array =>
  Buffer.concat([
    bytes.subarray(0, at % (bytes.length + 1)),
    inserted,
    bytes.subarray(at % (bytes.length + 1))
  ]);

/** Byte sequences no UTF-8 decoder may accept. */
const INVALID_UTF8 = [
  [0x80], // a lone continuation byte
  [0xbf, 0xbf],
  [0xc0, 0xaf], // overlong '/'
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf], // overlong, three bytes
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xf5],
  [0xff],
  [0xfe],
  [0xc3], // a sequence cut short
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98]
].map((bytes) => Uint8Array.from(bytes));

const seedsWith = (pieces: fc.Arbitrary<Uint8Array>) =>
  fc
    .tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), pieces), { minLength: 1, maxLength: 5 }))
    .map(([index, insertions]) =>
      insertions.reduce(
        (bytes, [at, piece]) => insertAt(bytes, at, piece),
        seedBytes[index % seedBytes.length]!
      )
    );

const NESTING_TAGS = ['div', 'span', 'section', 'blockquote', 'ul', 'b', 'font', 'article'];

describe('fuzz: hostile inputs end in a parse or a clear refusal', () => {
  const outcomesOf = (
    inputs: fc.Arbitrary<Uint8Array | string>,
    offset: number,
    numRuns: number
  ) => {
    const outcomes: Record<string, number> = {};
    fc.assert(
      fc.property(inputs, (input) => {
        let outcome: string;
        try {
          outcome = parsesOrRefuses(input);
        } catch (error) {
          // The one `unparseable` refusal that is not a crash: nesting too deep to parse.
          if (!/nests its elements more than 1,000 levels deep/.test(String(error))) throw error;
          outcome = 'too_deep';
        }
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
      { numRuns, seed: SEED + offset, endOnFailure: true }
    );
    return outcomes;
  };

  it('seeds with invalid UTF-8 sequences inserted are parsed (as Windows-1252) or refused as invalid_encoding', () => {
    const outcomes = outcomesOf(seedsWith(fc.constantFrom(...INVALID_UTF8)), 6, 300);
    expect(Object.keys(outcomes).sort()).toEqual(expect.arrayContaining(['invalid_encoding']));
    for (const outcome of Object.keys(outcomes))
      expect(['parsed', 'invalid_encoding']).toContain(outcome);
  });

  it('seeds with NUL bytes inserted are refused as binary, naming the first NUL', () => {
    const withNul = seedsWith(fc.integer({ min: 1, max: 4 }).map((count) => new Uint8Array(count)));
    fc.assert(
      fc.property(withNul, (bytes) => {
        expect(() => parseDocument(bytes)).toThrow(
          expect.objectContaining({
            code: 'binary',
            message: expect.stringContaining(`the first at byte ${bytes.indexOf(0)}`)
          })
        );
      }),
      { numRuns: 200, seed: SEED + 7 }
    );
  });

  it('nesting of any depth up to 100,000: parsed, or refused as too deep past 1,000 levels', () => {
    const nested = fc
      .record({
        tag: fc.constantFrom(...NESTING_TAGS),
        depth: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1001, max: 100_000 })),
        closed: fc.boolean(),
        wrapped: fc.boolean()
      })
      .map(({ tag, depth, closed, wrapped }) => {
        const inner =
          `<${tag}>`.repeat(depth) + 'Deep text.' + (closed ? `</${tag}>`.repeat(depth) : '');
        return {
          depth,
          html: wrapped
            ? `<!DOCTYPE html><html><body>${inner}</body></html>`
            : `<div>${inner}</div>`
        };
      });
    fc.assert(
      fc.property(nested, ({ depth, html }) => {
        let outcome: string;
        try {
          outcome = parsesOrRefuses(html);
        } catch (error) {
          expect(String(error)).toMatch(/nests its elements more than 1,000 levels deep/);
          outcome = 'too_deep';
        }
        // The wrapping <div> adds one level.
        expect(outcome).toBe(depth >= 1000 ? 'too_deep' : 'parsed');
      }),
      { numRuns: 40, seed: SEED + 8 }
    );
  });

  it('a 50 MB document: refused as too_large by default, parsed under a 60 MB limit', () => {
    // Long paragraphs: a huge line count would time the line splitter, not the limits.
    const paragraph = `${'The ferry board met again on Tuesday and agreed on nothing. '.repeat(40)}\n\n`;
    const page = new TextEncoder().encode(
      paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length))
    );
    expect(page.byteLength).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(() => parseDocument(page)).toThrow(
      expect.objectContaining({
        code: 'too_large',
        message: expect.stringMatching(/^The document is 50\.0 MB .* over the 20 MB limit/)
      })
    );
    const parsed = parseDocument(page, { maxBytes: 60 * 1024 * 1024 });
    assertShape(parsed);
    expect(parsed.article.body.length).toBeGreaterThan(1000);
  });
});
