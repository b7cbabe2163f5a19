import { readFileSync } from 'node:fs';
import { Migrator } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import {
  claimJobs,
  completeJobs,
  enqueueAllComments,
  enqueueCommentsOfArticle,
  enqueueScoredByOtherVersions
} from '../../../src/lib/server/classify/jobs';
import { migrateToLatest } from '../../../src/lib/server/db';
import { migrationProvider } from '../../../src/lib/server/db/migrations';
import { ingestDocument } from '../../../src/lib/server/ingest/ingest-document';
import { comment, countRows, storeArticle } from '../../helpers/corpus-factories';
import { failingInsertsInto, InjectedFailure } from '../../helpers/failing-insert-plugin';
import { emptyQueue, jobsOf, queueComments } from '../../helpers/job-factories';
import { describeEachEngine } from '../../helpers/test-databases';
import { wordCountClassifier } from '../../helpers/word-count-classifier';

const seedPage = readFileSync(new URL('../../../seeds/004_db1490f89701464c.txt', import.meta.url));

describeEachEngine('enqueueing classification jobs', (database) => {
  beforeEach(() => emptyQueue(database().db));

  it('queue one job per comment when a document is ingested', async () => {
    const outcome = await ingestDocument(database().db, { bytes: seedPage, fileName: '004.txt' });
    expect(outcome).toMatchObject({ status: 'stored', comments: 33 });
    const jobs = await jobsOf(database().db);
    expect(jobs).toHaveLength(33);
    expect(jobs.every((job) => job.status === 'queued' && job.attempts === 0)).toBe(true);
    const commentIds = await database()
      .db.selectFrom('comments')
      .select('id')
      .orderBy('id')
      .execute();
    expect(jobs.map((job) => job.comment_id)).toEqual(commentIds.map((row) => row.id));
  });

  it('leave neither comments nor jobs when queueing fails inside the ingest transaction', async () => {
    const failing = database().db.withPlugin(failingInsertsInto('classification_jobs'));
    await expect(
      ingestDocument(failing, { bytes: seedPage, fileName: '004.txt' })
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await countRows(database().db)).toEqual({ documents: 0, articles: 0, comments: 0 });
    expect(await jobsOf(database().db)).toEqual([]);
  });

  it('leave no jobs when storing the comments fails', async () => {
    const failing = database().db.withPlugin(failingInsertsInto('comments'));
    await expect(
      ingestDocument(failing, { bytes: seedPage, fileName: '004.txt' })
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await jobsOf(database().db)).toEqual([]);
  });

  it('keep one pending job per comment, however often it is queued', async () => {
    const { articleId } = await queueComments(database().db, ['one', 'two']);
    expect(await enqueueCommentsOfArticle(database().db, articleId)).toBe(0);
    expect(await enqueueAllComments(database().db)).toBe(0);
    // A running job still counts as pending.
    await claimJobs(database().db, { owner: 'w', limit: 1, leaseSeconds: 60 });
    expect(await enqueueAllComments(database().db)).toBe(0);
    expect(await jobsOf(database().db)).toHaveLength(2);
  });

  it('queue a finished comment again as a new job', async () => {
    const { commentIds } = await queueComments(database().db, ['scored once']);
    const classifier = wordCountClassifier();
    const [job] = await claimJobs(database().db, { owner: 'w', limit: 1, leaseSeconds: 60 });
    const [classification] = await classifier.classify([job!.text]);
    await completeJobs(database().db, 'w', [{ jobId: job!.id, classification: classification! }]);
    expect(await enqueueAllComments(database().db)).toBe(1);
    const jobs = await jobsOf(database().db);
    expect(jobs.map((row) => [row.comment_id, row.status])).toEqual([
      [commentIds[0], 'done'],
      [commentIds[0], 'queued']
    ]);
  });

  it('queue all comments of one article only when asked for that article', async () => {
    const first = await storeArticle(database().db, {
      title: 'first',
      comments: [comment('a'), comment('b')]
    });
    await storeArticle(database().db, { title: 'second', comments: [comment('c')] });
    expect(await enqueueAllComments(database().db, { articleId: first.articleId })).toBe(2);
    expect(await enqueueAllComments(database().db)).toBe(1);
  });
});

describeEachEngine('re-scoring by version', (database) => {
  const current = { lexicon: 'lexicon@2', model: 'model@1' };

  beforeEach(() => emptyQueue(database().db));

  /** Scores every queued comment with a classifier reporting `versions`. */
  async function scoreAll(versions: Record<string, string>): Promise<void> {
    const classifier = wordCountClassifier({ versions });
    const jobs = await claimJobs(database().db, { owner: 'w', limit: 100, leaseSeconds: 60 });
    const classifications = await classifier.classify(jobs.map((job) => job.text));
    await completeJobs(
      database().db,
      'w',
      jobs.map((job, index) => ({ jobId: job.id, classification: classifications[index]! }))
    );
  }

  it('queue the comments scored by other versions and those never scored', async () => {
    const old = await queueComments(database().db, ['old 1', 'old 2']);
    await scoreAll({ lexicon: 'lexicon@1', model: 'model@1' });
    const fresh = await queueComments(database().db, ['fresh']);
    // Same versions, keys in another order: jsonb equality, not text equality.
    await scoreAll({ model: 'model@1', lexicon: 'lexicon@2' });
    const never = await storeArticle(database().db, {
      title: 'stored before classification',
      comments: [comment('unscored')]
    });

    expect(await enqueueScoredByOtherVersions(database().db, current)).toBe(3);
    const queued = await database()
      .db.selectFrom('classification_jobs')
      .innerJoin('comments', 'comments.id', 'classification_jobs.comment_id')
      .select(['comments.text', 'comments.article_id'])
      .where('status', '=', 'queued')
      .orderBy('comments.id')
      .execute();
    expect(queued.map((row) => row.text)).toEqual(['old 1', 'old 2', 'unscored']);
    expect(queued.map((row) => row.article_id)).not.toContain(fresh.articleId);
    expect(queued.map((row) => row.article_id)).toEqual([
      old.articleId,
      old.articleId,
      never.articleId
    ]);
    // Nothing more to do until the versions change again.
    expect(await enqueueScoredByOtherVersions(database().db, current)).toBe(0);
  });

  it('limit a re-score to one article', async () => {
    const first = await queueComments(database().db, ['a', 'b']);
    await queueComments(database().db, ['c']);
    await scoreAll({ lexicon: 'lexicon@1' });
    expect(
      await enqueueScoredByOtherVersions(database().db, current, { articleId: first.articleId })
    ).toBe(2);
  });
});

describeEachEngine(
  'the classification migration',
  (database) => {
    it('queue the comments stored before it ran', async () => {
      const migrator = new Migrator({ db: database().db, provider: migrationProvider });
      const { error } = await migrator.migrateTo('2026-11-23-0001-initial');
      expect(error).toBeUndefined();
      await storeArticle(database().db, {
        title: 'before',
        comments: [comment('x'), comment('y'), comment('z')]
      });
      await migrateToLatest(database().db);
      const jobs = await jobsOf(database().db);
      expect(jobs.map((job) => job.status)).toEqual(['queued', 'queued', 'queued']);
    });
  },
  { migrate: false }
);
