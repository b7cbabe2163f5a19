/**
 * The lexicon on real comments: the ZeroHedge-style seed page holds echoes
 * (`(((Reuters)))`, `(((tribes)))`), profanity, and many comments with nothing abusive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLexiconComponent } from '../../../src/lib/server/classify/lexicon/component';
import { LABELS } from '../../../src/lib/server/classify/types';
import { parseDocument } from '../../../src/lib/server/ingest/parse';

const seed = readFileSync(join(import.meta.dirname, '../../../seeds/004_db1490f89701464c.txt'));
const comments = parseDocument(seed).comments.map((comment) => comment.text);

/** An oracle independent of the lexicon: the coded or abusive words this page contains. */
const CODED_OR_ABUSIVE = /\(\(\(|fuck|shit|\bass\b|whore|douche|jewish/i;

describe('seed 004 through the lexicon component', async () => {
  const results = await createLexiconComponent().scoreBatch(comments);

  it('parses a page with comments', () => {
    expect(comments.length).toBeGreaterThan(20);
    expect(results).toHaveLength(comments.length);
  });

  it('scores every comment with an echo as antisemitic', () => {
    const withEcho = comments.flatMap((text, index) => (text.includes('(((') ? [index] : []));
    expect(withEcho.length).toBeGreaterThanOrEqual(2);
    expect(comments.some((text) => text.includes('(((Reuters)))'))).toBe(true);
    for (const index of withEcho) {
      expect(results[index]?.scores.antisemitism).toBeGreaterThanOrEqual(0.8);
      const spans = results[index]?.spans.filter((span) => span.label === 'antisemitism') ?? [];
      for (const span of spans)
        expect(comments[index]?.slice(span.start, span.end)).toMatch(/^\(\(\(.+\)\)\)$/);
    }
  });

  it('scores comments with no coded or abusive terms 0 on every label', () => {
    const clean = comments.flatMap((text, index) => (CODED_OR_ABUSIVE.test(text) ? [] : [index]));
    expect(clean.length).toBeGreaterThan(15);
    for (const index of clean) {
      for (const label of LABELS) expect(results[index]?.scores[label], comments[index]).toBe(0);
      expect(results[index]?.spans).toEqual([]);
    }
  });

  it('gives the profane comments a profanity score and a span on the word', () => {
    const profane = comments.flatMap((text, index) =>
      /\b(?:fuck|fucking|shit)\b/i.test(text) ? [index] : []
    );
    expect(profane.length).toBeGreaterThanOrEqual(4);
    for (const index of profane) {
      expect(results[index]?.scores.profanity).toBeGreaterThan(0.8);
      const words = results[index]?.spans.map((span) =>
        comments[index]?.slice(span.start, span.end)
      );
      expect(words?.some((word) => /fuck|shit/i.test(word ?? ''))).toBe(true);
    }
  });
});
