/**
 * The benchmark's synthetic corpus: the same seed gives the same pages, the parser reads
 * every comment the generator wrote (replies included, text and HTML), and rude and coded
 * comments come at about the intended rates. Small scale; no timing.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticCorpus, syntheticPage, type CorpusShape } from '../../src/bench/corpus';
import { CODED_RATE, TOXIC_RATE } from '../../src/bench/corpus/synthetic-corpus';
import { storyOf } from '../../src/bench/corpus/stories';
import { CODED } from '../../src/bench/corpus/vocabulary';
import { articleFeatures } from '../../src/lib/server/stories/shingles';
import { parseDocument } from '../../src/lib/server/ingest/parse';

const shape: CorpusShape = { seed: 7, comments: 3000, articles: 24 };
const articles = [...syntheticCorpus(shape)];
const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('synthetic benchmark corpus', () => {
  it('is the same for the same seed, and different for another', () => {
    const again = [...syntheticCorpus(shape)].map((article) =>
      digestOf(syntheticPage(article).bytes)
    );
    expect(again).toEqual(articles.map((article) => digestOf(syntheticPage(article).bytes)));
    const other = digestOf(syntheticPage([...syntheticCorpus({ ...shape, seed: 8 })][0]!).bytes);
    expect(other).not.toBe(digestOf(syntheticPage(articles[0]!).bytes));
  });

  it('spreads exactly the requested comments over the requested articles', () => {
    expect(articles).toHaveLength(shape.articles);
    const counts = articles.map((article) => article.comments.length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(shape.comments);
    expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts)); // uneven, as threads are
  });

  it('writes pages the parser reads into the intended comments, replies and outlet', () => {
    const markups = new Set<string>();
    for (const article of articles) {
      const page = syntheticPage(article);
      markups.add(page.markup);
      const parsed = parseDocument(page.bytes);
      expect(parsed.format).toBe('wordpress');
      expect(parsed.comments.map((comment) => comment.text)).toEqual(
        page.markup === 'text'
          ? article.comments.map((comment) => comment.text)
          : expect.arrayContaining(article.comments.map((comment) => comment.text))
      );
      const replies = article.comments.filter((comment) => comment.replyTo !== null).length;
      expect(parsed.comments.filter((comment) => comment.parent !== null)).toHaveLength(replies);
      if (page.markup === 'html') expect(parsed.article.source).toBe(article.outlet);
    }
    expect([...markups].sort()).toEqual(['html', 'text']);
  });

  it('has realistic lengths and about the intended shares of rude and coded comments', () => {
    const comments = articles.flatMap((article) => article.comments);
    const share = (kind: string) =>
      comments.filter((comment) => comment.kind === kind).length / comments.length;
    expect(share('coded')).toBeGreaterThan(CODED_RATE / 2);
    expect(share('coded')).toBeLessThan(CODED_RATE * 2);
    expect(share('toxic')).toBeGreaterThan(TOXIC_RATE / 2);
    expect(share('toxic')).toBeLessThan(TOXIC_RATE * 1.5);
    const coded = comments.filter((comment) => comment.kind === 'coded');
    expect(
      coded.every((comment) => CODED.some((phrase) => comment.text.includes(phrase.slice(1))))
    ).toBe(true);
    const words = comments.map((comment) => comment.text.split(' ').length).sort((a, b) => a - b);
    expect(words[0]).toBeGreaterThanOrEqual(2);
    expect(words[Math.floor(words.length / 2)]).toBeGreaterThan(15);
    expect(words.at(-1)).toBeGreaterThan(80);
  });

  it('tells stories of 1–6 outlets each, published within two days, in words of their own', () => {
    const many = [...syntheticCorpus({ seed: 7, comments: 2000, articles: 240 })];
    const byStory = new Map<number, typeof many>();
    for (const article of many) {
      const id = storyOf(7, article.index).id;
      byStory.set(id, [...(byStory.get(id) ?? []), article]);
    }
    const sizes = [...byStory.values()].map((story) => story.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
    expect(many.length / sizes.length).toBeGreaterThan(2.5);
    for (const story of byStory.values()) {
      const times = story.map((article) => article.publishedAt.getTime());
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(49 * 60 * 60 * 1000);
    }
    const terms = (article: (typeof many)[number]) =>
      articleFeatures({ title: article.title, body: article.paragraphs.join('\n\n') }).terms;
    const jaccard = (a: Set<string>, b: Set<string>) => {
      const shared = [...a].filter((term) => b.has(term)).length;
      return shared / (a.size + b.size - shared);
    };
    const [first, second] = [...byStory.values()].filter((story) => story.length >= 2);
    expect(jaccard(terms(first![0]!), terms(first![1]!))).toBeGreaterThan(0.2);
    expect(jaccard(terms(first![0]!), terms(second![0]!))).toBeLessThan(0.1);
  });
});
