import { beforeEach, expect, it } from 'vitest';
import {
  countArticlesAndComments,
  countDocuments,
  listArticlePage,
  listArticlesWithCommentCounts
} from '../../src/lib/server/corpus';
import { ingestDocument } from '../../src/lib/server/ingest/ingest-document';
import { comment, storeArticle } from '../helpers/corpus-factories';
import { assembleClassifier } from '../../src/lib/server/classify/classifier';
import { runWorker } from '../../src/lib/server/classify/jobs/worker';
import { createLexiconComponent } from '../../src/lib/server/classify/lexicon/component';
import { resolveThresholds } from '../../src/lib/server/classify/thresholds';
import { queueComments } from '../helpers/job-factories';
import { describeEachEngine, emptyCorpus } from '../helpers/test-databases';

describeEachEngine('articles repository', (database) => {
  beforeEach(() => emptyCorpus(database()));

  it('list articles in ingest order with their comment counts', async () => {
    const first = await storeArticle(database().db, {
      title: 'first',
      comments: [comment('a'), comment('b', 0), comment('c')]
    });
    const second = await storeArticle(database().db, { title: 'second' });
    const third = await storeArticle(database().db, { title: 'third', comments: [comment('x')] });
    // A failed document has no article and is not listed.
    await ingestDocument(database().db, { bytes: new Uint8Array(), fileName: 'empty.txt' });

    const listed = await listArticlesWithCommentCounts(database().db);
    expect(listed.map(({ title, commentCount }) => [title, commentCount])).toEqual([
      ['first', 3],
      ['second', 0],
      ['third', 1]
    ]);
    expect(listed[0]).toEqual({
      id: first.articleId,
      documentId: first.documentId,
      title: 'first',
      outlet: 'Test Outlet',
      format: 'test',
      commentCount: 3,
      scoredCount: 0,
      flaggedCount: 0,
      ingestedAt: expect.any(Date)
    });
    const newestFirst = await listArticlesWithCommentCounts(database().db, { newestFirst: true });
    expect(newestFirst.map((article) => article.id)).toEqual([
      third.articleId,
      second.articleId,
      first.articleId
    ]);
    expect(await countDocuments(database().db)).toBe(4);
  });

  it('count scored and flagged comments once the worker has classified them', async () => {
    const { articleId } = await queueComments(database().db, [
      'Thanks for the report.',
      '(((They))) run the banks again.'
    ]);
    const classifier = assembleClassifier([createLexiconComponent()], resolveThresholds(null));
    await runWorker({ db: database().db, classifier, untilDrained: true, pollMs: 10 });

    const [listed] = await listArticlesWithCommentCounts(database().db);
    expect(listed).toMatchObject({
      id: articleId,
      commentCount: 2,
      scoredCount: 2,
      flaggedCount: 1
    });
  });

  it('page through articles newest first, each page with its counts, to the last', async () => {
    const stored = [];
    for (const title of ['a', 'b', 'c', 'd', 'e'])
      stored.push(await storeArticle(database().db, { title, comments: [comment(title)] }));
    const ids = stored.map((article) => article.articleId).reverse();
    const db = database().db;

    const first = await listArticlePage(db, { limit: 2 });
    expect(first.articles.map((article) => article.id)).toEqual(ids.slice(0, 2));
    expect(first.articles[0]).toMatchObject({ title: 'e', commentCount: 1, scoredCount: 0 });
    expect(first.nextBefore).toBe(ids[1]);
    const second = await listArticlePage(db, { before: first.nextBefore!, limit: 2 });
    expect(second.articles.map((article) => article.id)).toEqual(ids.slice(2, 4));
    const last = await listArticlePage(db, { before: second.nextBefore!, limit: 2 });
    expect(last.articles.map((article) => article.id)).toEqual(ids.slice(4));
    expect(last.nextBefore).toBeNull();
    // Exactly a page left: no empty page after it.
    expect((await listArticlePage(db, { limit: 5 })).nextBefore).toBeNull();
    expect(await countArticlesAndComments(db)).toEqual({
      articles: 5,
      comments: 5,
      commentsEstimated: false
    });
  });

  it('list nothing in an empty corpus', async () => {
    expect(await listArticlePage(database().db, { limit: 10 })).toEqual({
      articles: [],
      nextBefore: null
    });
    expect(await countArticlesAndComments(database().db)).toEqual({
      articles: 0,
      comments: 0,
      commentsEstimated: false
    });
    expect(await listArticlesWithCommentCounts(database().db)).toEqual([]);
    expect(await countDocuments(database().db)).toBe(0);
  });
});
