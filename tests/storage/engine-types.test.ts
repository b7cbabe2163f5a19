/** Values come back with the same JS types on PGlite and PostgreSQL (see db/type-parsers.ts). */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { countDocuments, findDocumentById, getDocumentContent } from '../../src/lib/server/corpus';
import { storeArticle } from '../helpers/corpus-factories';
import { describeEachEngine, emptyCorpus } from '../helpers/test-databases';

describeEachEngine('value types', (database) => {
  it('ids and counts are numbers, timestamps Dates, bytes Uint8Arrays', async () => {
    await emptyCorpus(database());
    const { documentId } = await storeArticle(database().db, { title: 'types' });
    const document = await findDocumentById(database().db, documentId);
    expect(document?.id).toBe(documentId);
    expect(typeof documentId).toBe('number');
    expect(document?.ingestedAt).toBeInstanceOf(Date);
    expect(await countDocuments(database().db)).toBe(1);
    const content = await getDocumentContent(database().db, documentId);
    expect(Object.getPrototypeOf(content)).toBe(Uint8Array.prototype);
  });

  it('dates are plain YYYY-MM-DD text and numeric stays exact text', async () => {
    const { rows } = await sql<{ day: string; amount: string }>`
      select date '2016-11-10' as day, 12.50::numeric as amount`.execute(database().db);
    expect(rows).toEqual([{ day: '2016-11-10', amount: '12.50' }]);
  });

  it('a bigint beyond 2^53 is an error, not a rounded number', async () => {
    await expect(
      sql`select 9007199254740993::bigint as too_big`.execute(database().db)
    ).rejects.toThrow(/does not fit a JS number/);
  });

  it('report affected rows of updates and deletes', async () => {
    await emptyCorpus(database());
    await storeArticle(database().db, { title: 'one' });
    await storeArticle(database().db, { title: 'two' });
    const updated = await database()
      .db.updateTable('articles')
      .set({ byline: 'someone' })
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await database().db.deleteFrom('documents').executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
  });
});
