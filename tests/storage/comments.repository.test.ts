import { beforeEach, expect, it } from 'vitest';
import {
  InvalidThreadError,
  insertComments,
  listCommentsOfArticle
} from '../../src/lib/server/corpus';
import { comment, countRows, storeArticle } from '../helpers/corpus-factories';
import { describeEachEngine, emptyCorpus } from '../helpers/test-databases';

describeEachEngine('comments repository', (database) => {
  beforeEach(() => emptyCorpus(database()));

  it('store a nested thread with parent ids and depths', async () => {
    // 0
    // ├─ 1
    // │  └─ 2
    // └─ 3
    // 4
    // └─ 5
    const parents = [null, 0, 1, 0, null, 4];
    const { articleId } = await storeArticle(database().db, {
      title: 'nested',
      comments: parents.map((parent, index) => comment(`c${index}`, parent))
    });
    const stored = await listCommentsOfArticle(database().db, articleId);
    const idAt = (position: number) => stored[position]!.id;
    expect(stored.map((row) => [row.position, row.parentPosition, row.depth])).toEqual([
      [0, null, 0],
      [1, 0, 1],
      [2, 1, 2],
      [3, 0, 1],
      [4, null, 0],
      [5, 4, 1]
    ]);
    expect(stored.map((row) => row.parentId)).toEqual([
      null,
      idAt(0),
      idAt(1),
      idAt(0),
      null,
      idAt(4)
    ]);
    expect(stored[2]).toMatchObject({ author: 'author of c2', text: 'c2', postedAt: null });
  });

  it('link replies to parents in another insert batch of a long thread', async () => {
    // Each comment replies to the one 700 places earlier, crossing the 1,000-row batches.
    const count = 2_500;
    const comments = Array.from({ length: count }, (_, index) =>
      comment(`c${index}`, index >= 700 ? index - 700 : null)
    );
    const { articleId } = await storeArticle(database().db, { title: 'long', comments });
    const stored = await listCommentsOfArticle(database().db, articleId);
    expect(stored).toHaveLength(count);
    const last = stored[count - 1]!;
    expect(last.parentId).toBe(stored[count - 1 - 700]!.id);
    expect(last.depth).toBe(Math.floor((count - 1) / 700));
  });

  it('keep timestamps as given, raw and normalised', async () => {
    const postedAt = new Date('2016-11-10T14:15:00Z');
    const { articleId } = await storeArticle(database().db, {
      title: 'times',
      comments: [{ ...comment('dated'), postedAt, postedAtRaw: '10. November 2016 um 15:15 Uhr' }]
    });
    const [stored] = await listCommentsOfArticle(database().db, articleId);
    expect(stored?.postedAt).toEqual(postedAt);
    expect(stored?.postedAtRaw).toBe('10. November 2016 um 15:15 Uhr');
  });

  it('refuse a reply to a later comment and roll back its transaction', async () => {
    const { articleId } = await storeArticle(database().db, { title: 'host' });
    const before = await countRows(database().db);
    await expect(
      database()
        .db.transaction()
        .execute((trx) => insertComments(trx, articleId, [comment('a', 1), comment('b')]))
    ).rejects.toBeInstanceOf(InvalidThreadError);
    expect(await countRows(database().db)).toEqual(before);
  });
});
