import { beforeEach, expect, it } from 'vitest';
import { countDocuments, listArticlesWithCommentCounts } from '../../src/lib/server/corpus';
import { ingestDocument } from '../../src/lib/server/ingest/ingest-document';
import { comment, storeArticle } from '../helpers/corpus-factories';
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

  it('list nothing in an empty corpus', async () => {
    expect(await listArticlesWithCommentCounts(database().db)).toEqual([]);
    expect(await countDocuments(database().db)).toBe(0);
  });
});
