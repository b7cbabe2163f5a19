/**
 * ingestDocuments: several documents in one transaction keep every guarantee that
 * ingestDocument gives one (ingest-document.test.ts), per document and per batch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { findDocumentById, listCommentsOfArticle } from '../../src/lib/server/corpus';
import { ingestDocuments } from '../../src/lib/server/ingest/ingest-batch';
import { ingestDocument, type IngestInput } from '../../src/lib/server/ingest/ingest-document';
import { listStoryGroupsWithArticles } from '../../src/lib/server/stories';
import { syntheticCorpus, syntheticPage } from '../../src/bench/corpus';
import { countRows } from '../helpers/corpus-factories';
import { failingInsertsInto, InjectedFailure } from '../helpers/failing-insert-plugin';
import { manyCommentsPage } from '../helpers/many-comments-page';
import { describeEachEngine } from '../helpers/test-databases';

const SEEDS_DIR = new URL('../../seeds/', import.meta.url).pathname;
const seeds = readdirSync(SEEDS_DIR)
  .sort()
  .map((fileName) => ({ fileName, bytes: readFileSync(join(SEEDS_DIR, fileName)) }));
const plainPage = new TextEncoder().encode('A headline\n\nAn article body without comments.\n');
/** Two long threads besides the seeds, so several articles of one batch have comments. */
const threads = [1, 2].map((page) => ({
  fileName: `thread-${page}.txt`,
  bytes: manyCommentsPage(60 + page, {
    title: `Orchard Frost, Part ${page}`,
    text: (index) => `Thread ${page}, comment ${index + 1}: a frost like that is rare.`
  })
}));
// Two unrelated short stories, and a round-up that retells both (it bridges their groups).
const HARBOUR = [
  'The harbour board will close the old fish market on the east quay in March, after an inspection found the pilings under its floor rotten through in a dozen places.',
  'Traders who have sold there for decades said they were given no warning and asked for a temporary hall on the car park until a new market is built.'
];
const LIBRARY = [
  'The village library on Mill Lane will open on Sunday afternoons from next month, staffed by volunteers, after a petition gathered nine hundred signatures in a fortnight.',
  'The council agreed to pay for heating and lighting on the extra day but not for staff, and the volunteers will be trained by the branch librarian.'
];
const textPage = (fileName: string, title: string, paragraphs: string[]) => ({
  fileName,
  bytes: new TextEncoder().encode(`${title}\n\n${paragraphs.join('\n\n')}\n`)
});
const harbour = textPage('harbour.txt', 'Fish market to close', HARBOUR);
const library = textPage('library.txt', 'Library opens on Sundays', LIBRARY);
const roundUp = textPage('round-up.txt', 'The week in the village', [...HARBOUR, ...LIBRARY]);

/** Story groups as file names: founder → members, so runs with different ids compare. */
async function groupsByFileName(db: Parameters<typeof ingestDocuments>[0]) {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('documents', 'documents.id', 'articles.document_id')
    .select(['articles.id', 'articles.story_group_id', 'documents.file_name'])
    .execute();
  const nameOf = new Map(rows.map((row) => [row.id, row.file_name]));
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const founder = nameOf.get(row.story_group_id!)!;
    groups.set(founder, [...(groups.get(founder) ?? []), row.file_name].sort());
  }
  return Object.fromEntries([...groups].sort());
}

const empty = { fileName: 'empty.txt', bytes: new Uint8Array() };

describeEachEngine('ingestDocuments (a batch in one transaction)', (database) => {
  beforeEach(async () => {
    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      database().db
    );
  });

  it('store every document of the batch, each with its comments in page order and their jobs', async () => {
    const db = database().db;
    const batch = [...seeds, ...threads];
    const outcomes = await ingestDocuments(db, batch);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(batch.map(() => 'stored'));
    let total = 0;
    for (const [at, outcome] of outcomes.entries()) {
      if (outcome.status !== 'stored') continue;
      const one = await ingestDocument(db, batch[at]!); // the same bytes: a duplicate of it
      expect(one).toEqual({ status: 'duplicate', documentId: outcome.documentId });
      expect(await findDocumentById(db, outcome.documentId)).toMatchObject({
        fileName: batch[at]!.fileName
      });
      const comments = await listCommentsOfArticle(db, outcome.articleId);
      expect(comments).toHaveLength(outcome.comments);
      expect(comments.map((comment) => comment.position)).toEqual([...comments.keys()]);
      const ids = comments.map((comment) => comment.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b)); // id order is page order
      for (const comment of comments)
        if (comment.parentPosition !== null)
          expect(comment.parentId).toBe(comments[comment.parentPosition]!.id);
      total += outcome.comments;
    }
    expect(
      outcomes.filter((outcome) => outcome.status === 'stored' && outcome.comments > 0)
    ).toHaveLength(3);
    expect(total).toBe(33 + 61 + 62);
    const jobs = await db
      .selectFrom('classification_jobs')
      .select((eb) => eb.fn.count<number>('comment_id').distinct().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(jobs.count)).toBe(total);
    expect(await countRows(db)).toEqual({ documents: 7, articles: 7, comments: total });
  });

  it('group a batch as one by one: the five seeds, one story, in the first one’s group', async () => {
    const db = database().db;
    const outcomes = await ingestDocuments(db, seeds);
    const articleIds = outcomes.map((outcome) =>
      outcome.status === 'stored' ? outcome.articleId : 0
    );
    const groups = await listStoryGroupsWithArticles(db);
    expect(groups.map((group) => group.id)).toEqual([articleIds[0]]);
    expect(groups[0]!.articles.map((article) => article.id).sort((a, b) => a - b)).toEqual(
      [...articleIds].sort((a, b) => a - b)
    );
  });

  it('merge groups when an article bridges them, whether they formed in this batch or before', async () => {
    const db = database().db;
    const outcomes = await ingestDocuments(db, [harbour, library, roundUp]);
    const [first, , bridge] = outcomes.map((outcome) =>
      outcome.status === 'stored' ? outcome.articleId : 0
    );
    const groups = await listStoryGroupsWithArticles(db);
    expect(groups.map((group) => group.id)).toEqual([first]);
    expect(groups[0]!.articles).toHaveLength(3);
    expect(await db.selectFrom('story_groups').select('id').execute()).toHaveLength(1);
    expect(bridge).toBeGreaterThan(0);

    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      db
    );
    await ingestDocuments(db, [harbour, library]); // two groups, stored before the bridge
    expect(await listStoryGroupsWithArticles(db)).toHaveLength(2);
    await ingestDocuments(db, [roundUp, ...seeds]);
    expect(await groupsByFileName(db)).toMatchObject({
      'harbour.txt': ['harbour.txt', 'library.txt', 'round-up.txt']
    });
    expect(await db.selectFrom('story_groups').select('id').execute()).toHaveLength(2);
  });

  it('group a corpus of many stories in batches exactly as one document at a time', async () => {
    const db = database().db;
    const pages = [...syntheticCorpus({ seed: 3, comments: 400, articles: 40 })].map((article) => {
      const page = syntheticPage(article);
      return { fileName: page.fileName, bytes: page.bytes };
    });
    for (const page of pages) await ingestDocument(db, page);
    const oneByOne = await groupsByFileName(db);
    expect(Object.keys(oneByOne).length).toBeLessThan(pages.length); // some stories share groups
    await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
      db
    );
    for (let at = 0; at < pages.length; at += 15)
      await ingestDocuments(db, pages.slice(at, at + 15));
    expect(await groupsByFileName(db)).toEqual(oneByOne);
  });

  it('store a rejected document as failed among stored ones, and a repeat as its duplicate', async () => {
    const db = database().db;
    const outcomes = await ingestDocuments(db, [
      { fileName: 'plain.txt', bytes: plainPage },
      empty,
      { fileName: 'again.txt', bytes: plainPage },
      { ...empty, fileName: 'empty-again.txt' }
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'stored', comments: 0 });
    expect(outcomes[1]).toMatchObject({ status: 'failed', error: { code: 'empty' } });
    expect(outcomes[2]).toEqual({ status: 'duplicate', documentId: outcomes[0]!.documentId });
    expect(outcomes[3]).toEqual({ status: 'duplicate', documentId: outcomes[1]!.documentId });
    expect(await findDocumentById(db, outcomes[1]!.documentId)).toMatchObject({
      parseStatus: 'failed',
      parseErrorCode: 'empty'
    });
    expect(await countRows(db)).toEqual({ documents: 2, articles: 1, comments: 0 });
  });

  it('change nothing when the same batch comes again, and store only the new ones of a mixed batch', async () => {
    const db = database().db;
    const first = await ingestDocuments(db, seeds.slice(0, 3));
    const before = await countRows(db);
    const again = await ingestDocuments(db, seeds.slice(0, 3));
    expect(again).toEqual(
      first.map((outcome) => ({ status: 'duplicate', documentId: outcome.documentId }))
    );
    expect(await countRows(db)).toEqual(before);
    const mixed = await ingestDocuments(db, seeds);
    expect(mixed.map((outcome) => outcome.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'stored',
      'stored'
    ]);
    expect(await countRows(db)).toMatchObject({ documents: 5, articles: 5 });
  });

  it('write nothing of the batch when a statement fails half way, and complete on a re-run', async () => {
    const db = database().db;
    await ingestDocument(db, seeds[0]!);
    const before = await countRows(db);
    const failing = db.withPlugin(failingInsertsInto('classification_jobs'));
    await expect(ingestDocuments(failing, seeds)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await countRows(db)).toEqual(before);
    const rerun = await ingestDocuments(db, seeds);
    expect(rerun.map((outcome) => outcome.status)).toEqual([
      'duplicate',
      'stored',
      'stored',
      'stored',
      'stored'
    ]);
    const orphans = await sql<{ count: number }>`
      select count(*)::int as count from comments c
      where not exists (select 1 from classification_jobs j where j.comment_id = c.id)`.execute(db);
    expect(orphans.rows[0]!.count).toBe(0);
  });
});

describeEachEngine(
  'ingestDocuments, two batches sharing documents at once',
  (database) => {
    it('store each document once, without deadlocking on the shared ones', async () => {
      const db = database().db;
      await sql`truncate table comments, articles, documents, story_groups restart identity cascade`.execute(
        db
      );
      // Opposite orders: rows that went in unsorted would lock the shared SHA-256s crosswise.
      const [forward, backward] = await Promise.all([
        ingestDocuments(db, [...seeds, ...threads]),
        ingestDocuments(db, [...threads, ...seeds].reverse())
      ]);
      const byName = (outcomes: typeof forward, batch: IngestInput[]) =>
        new Map(batch.map((input, at) => [input.fileName, outcomes[at]!]));
      const first = byName(forward!, [...seeds, ...threads]);
      const second = byName(backward!, [...threads, ...seeds].reverse());
      for (const [fileName, outcome] of first) {
        const other = second.get(fileName)!;
        expect([outcome.status, other.status].sort()).toEqual(['duplicate', 'stored']);
        expect(other.documentId).toBe(outcome.documentId);
      }
      expect(await countRows(db)).toMatchObject({ documents: 7, articles: 7 });
    });
  },
  { engines: ['postgres'] }
);
