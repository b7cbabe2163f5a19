/**
 * Every fixture page under tests/fixtures/formats/<format>/ goes through the full parser
 * (bytes in, ParsedDocument out) and must match its <case>.expected.json exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/server/ingest/parse';

interface ExpectedComment {
  author: string | null;
  parent: number | null;
  text: string;
  postedAt?: string | null;
  postedAtRaw?: string | null;
}

interface Expected {
  format: string;
  title?: string | null;
  byline?: string | null;
  source?: string | null;
  publishedAt?: string | null;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  comments: ExpectedComment[];
}

const root = join(import.meta.dirname, '../fixtures/formats');
const cases = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(html|txt)$/.test(file))
  .sort();

describe('format fixtures', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (file) => {
    const expected = JSON.parse(
      readFileSync(join(root, file.replace(/\.(html|txt)$/, '.expected.json')), 'utf8')
    ) as Expected;
    const parsed = parseDocument(readFileSync(join(root, file)));

    expect(parsed.format).toBe(expected.format);
    expect(parsed.markup).toBe(file.endsWith('.html') ? 'html' : 'text');
    for (const key of ['title', 'byline', 'source', 'publishedAt'] as const) {
      if (key in expected) expect(parsed.article[key], key).toBe(expected[key]);
    }
    for (const needle of expected.bodyIncludes ?? []) expect(parsed.article.body).toContain(needle);
    for (const needle of expected.bodyExcludes ?? [])
      expect(parsed.article.body).not.toContain(needle);

    const actual = parsed.comments.map((comment, index) => {
      const want = expected.comments[index];
      const shown: ExpectedComment = {
        author: comment.author,
        parent: comment.parent,
        text: comment.text
      };
      if (want && 'postedAt' in want) shown.postedAt = comment.postedAt;
      if (want && 'postedAtRaw' in want) shown.postedAtRaw = comment.postedAtRaw;
      return shown;
    });
    expect(actual).toEqual(expected.comments);
  });
});
