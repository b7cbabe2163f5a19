/** The pure parts of story grouping: normalising, shingling, MinHash, LSH bands. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/server/ingest/parse';
import { fingerprintArticle } from '../../src/lib/server/stories/fingerprint';
import { shingleBands, termBands, SHINGLE_BANDS } from '../../src/lib/server/stories/lsh';
import { estimatedJaccard, minHashSignature } from '../../src/lib/server/stories/minhash';
import { normaliseWords } from '../../src/lib/server/stories/normalise';
import {
  COPY_THRESHOLD,
  COVERAGE_THRESHOLD,
  isSameStory,
  similarity
} from '../../src/lib/server/stories/same-story';
import { wordShingles } from '../../src/lib/server/stories/shingles';

const articleOf = (path: string) =>
  parseDocument(readFileSync(new URL(path, import.meta.url))).article;
const original = articleOf('../fixtures/stories/library-branch.txt');
const reprint = articleOf('../fixtures/stories/library-branch-reprint.txt');
const seed = (name: string) => articleOf(`../../seeds/${name}`);

/** Exact Jaccard, the quantity MinHash estimates. */
function jaccard(first: Set<string>, second: Set<string>): number {
  const shared = [...first].filter((item) => second.has(item)).length;
  return shared / (first.size + second.size - shared);
}

describe('normaliseWords', () => {
  it('folds case, accents, apostrophes, quotes, dashes and whitespace away', () => {
    expect(normaliseWords('“Café” — Trump’s  TEAM,\nsaid\u00a0Ryabkov')).toEqual(
      normaliseWords('"cafe" - trumps team said ryabkov')
    );
    expect(normaliseWords('ﬁnal ＡＢＣ')).toEqual(['final', 'abc']);
    expect(normaliseWords(' \n ')).toEqual([]);
  });
});

describe('wordShingles', () => {
  it('takes every run of five words, and a short text as one shingle', () => {
    expect([...wordShingles('a b c d e f'.split(' '))]).toEqual(['a b c d e', 'b c d e f']);
    expect([...wordShingles(['two', 'words'])]).toEqual(['two words']);
    expect(wordShingles([]).size).toBe(0);
  });
});

describe('minHashSignature', () => {
  const words = normaliseWords(original.body);
  const shingles = wordShingles(words);

  it('is deterministic and estimates 1.0 for identical text', () => {
    const signature = minHashSignature(shingles);
    expect(signature).toHaveLength(128);
    expect(signature.every((value) => Number.isInteger(value) && value === (value | 0))).toBe(true);
    expect(minHashSignature(wordShingles(normaliseWords(original.body)))).toEqual(signature);
    expect(estimatedJaccard(signature, minHashSignature(new Set(shingles)))).toBe(1);
  });

  it('estimates about 0 for unrelated text', () => {
    const other = wordShingles(normaliseWords(seed('004_db1490f89701464c.txt').body));
    expect(jaccard(shingles, other)).toBe(0);
    expect(estimatedJaccard(minHashSignature(shingles), minHashSignature(other))).toBeLessThan(
      0.05
    );
  });

  it('estimates the exact Jaccard of overlapping sets within sampling error', () => {
    const first = new Set(Array.from({ length: 600 }, (_, i) => `feature ${i}`));
    const second = new Set(Array.from({ length: 600 }, (_, i) => `feature ${i + 200}`));
    const exact = jaccard(first, second); // 400 / 800
    const estimate = estimatedJaccard(minHashSignature(first), minHashSignature(second));
    // Three standard errors of a 128-hash estimate at 0.5: 3 × sqrt(0.25 / 128) ≈ 0.13.
    expect(Math.abs(estimate - exact)).toBeLessThan(0.13);
  });
});

describe('same story', () => {
  it('a syndicated copy with other boilerplate and small edits is a copy', () => {
    const match = similarity(fingerprintArticle(original), fingerprintArticle(reprint));
    expect(match.copy).toBeGreaterThanOrEqual(COPY_THRESHOLD);
    expect(isSameStory(match)).toBe(true);
  });

  it('two outlets writing up the same news match on coverage, not as copies', () => {
    const match = similarity(
      fingerprintArticle(seed('000_6f3192d2d8d0438a.txt')),
      fingerprintArticle(seed('003_4d64004e56c03504.txt'))
    );
    expect(match.copy).toBeLessThan(COPY_THRESHOLD);
    expect(match.coverage).toBeGreaterThanOrEqual(COVERAGE_THRESHOLD);
  });

  it('unrelated news matches on neither', () => {
    const match = similarity(
      fingerprintArticle(original),
      fingerprintArticle(seed('000_6f3192d2d8d0438a.txt'))
    );
    expect(match.copy).toBeLessThan(0.05);
    expect(match.coverage).toBeLessThan(COVERAGE_THRESHOLD / 2);
    expect(isSameStory(match)).toBe(false);
  });
});

describe('LSH bands', () => {
  const fingerprint = fingerprintArticle(original);

  it('cuts the shingle signature into 32 bands and keeps each term position as a band', () => {
    const shingle = shingleBands(fingerprint.shingleSignature);
    expect(shingle.map(({ band }) => band)).toEqual([...Array(SHINGLE_BANDS).keys()]);
    const terms = termBands(fingerprint.termSignature);
    expect(terms.map(({ bucket }) => bucket)).toEqual(fingerprint.termSignature);
    expect(terms[0]?.band).toBe(SHINGLE_BANDS);
    expect(fingerprint.bands).toEqual([...shingle, ...terms]);
  });

  it('puts a copy in the same bucket of some band and unrelated text in none', () => {
    const buckets = (article: { title: string | null; body: string }) =>
      shingleBands(fingerprintArticle(article).shingleSignature).map(
        ({ band, bucket }) => `${band}:${bucket}`
      );
    const mine = new Set(buckets(original));
    expect(buckets(reprint).some((key) => mine.has(key))).toBe(true);
    expect(buckets(seed('001_22bfe3a046f2e9bf.txt')).some((key) => mine.has(key))).toBe(false);
  });

  it('gives an article without words no bands at all', () => {
    expect(fingerprintArticle({ title: null, body: ' … ' }).bands).toEqual([]);
  });
});
