import { beforeEach, expect, it } from 'vitest';
import {
  claimJobs,
  countJobsByStatus,
  findCommentScores,
  runWorker,
  type BatchReport
} from '../../../src/lib/server/classify/jobs';
import type { Classifier } from '../../../src/lib/server/classify/types';
import { emptyQueue, expireLeases, jobsOf, queueComments } from '../../helpers/job-factories';
import { describeEachEngine } from '../../helpers/test-databases';
import { wordCountClassifier } from '../../helpers/word-count-classifier';

describeEachEngine('the classification worker', (database) => {
  beforeEach(() => emptyQueue(database().db));

  it('score every queued comment in batches, then stop when drained', async () => {
    const texts = Array.from({ length: 10 }, (_, index) => (index % 3 === 0 ? 'bad bad' : 'ok'));
    const { commentIds } = await queueComments(database().db, texts);
    const classifier = wordCountClassifier();
    const reports: BatchReport[] = [];
    const summary = await runWorker({
      db: database().db,
      classifier,
      batchSize: 4,
      untilDrained: true,
      workerId: 'test-worker',
      onBatch: (report) => reports.push(report)
    });
    expect(classifier.calls.map((call) => call.length)).toEqual([4, 4, 2]);
    expect(reports.map((report) => report.completed)).toEqual([4, 4, 2]);
    expect(summary).toMatchObject({
      workerId: 'test-worker',
      batches: 3,
      completed: 10,
      failed: 0
    });
    expect(await countJobsByStatus(database().db)).toEqual({
      queued: 0,
      running: 0,
      done: 10,
      failed: 0
    });
    const first = await findCommentScores(database().db, commentIds[0]!);
    expect(first).toMatchObject({ flagged: ['toxicity'], scores: { toxicity: 0.8 } });
    expect(first?.spans.map(({ start, end }) => [start, end])).toEqual([
      [0, 3],
      [4, 7]
    ]);
    expect(await findCommentScores(database().db, commentIds[1]!)).toMatchObject({ flagged: [] });
  });

  it('retry a comment the classifier fails on, then fail it with the error, sparing its batch', async () => {
    await queueComments(database().db, ['fine', 'poison pill', 'also fine']);
    const classifier = wordCountClassifier({ failOn: 'poison' });
    const summary = await runWorker({
      db: database().db,
      classifier,
      batchSize: 10,
      maxAttempts: 2,
      retryDelaySeconds: 0,
      untilDrained: true,
      pollMs: 10
    });
    expect(summary).toMatchObject({ completed: 2, retried: 1, failed: 1 });
    const jobs = await jobsOf(database().db);
    const poisoned = jobs[1]!;
    expect(poisoned).toMatchObject({
      status: 'failed',
      attempts: 2,
      last_error: 'cannot classify "poison pill"',
      lease_expires_at: null
    });
    expect(poisoned.finished_at).toBeInstanceOf(Date);
    expect(jobs.filter((job) => job.status === 'done')).toHaveLength(2);
    // Batch of 3 failed, then each alone; then the retry alone: twice for the poisoned text.
    expect(classifier.calls.filter((call) => call.includes('poison pill'))).toHaveLength(3);
  });

  it('fail a comment given an impossible score instead of failing its whole batch', async () => {
    await queueComments(database().db, ['fine', 'broken model output']);
    const honest = wordCountClassifier();
    const broken: Classifier = {
      ...honest,
      classify: async (texts) =>
        (await honest.classify(texts)).map((verdict, index) =>
          texts[index]!.startsWith('broken')
            ? { ...verdict, scores: { ...verdict.scores, threat: Number.NaN } }
            : verdict
        )
    };
    const summary = await runWorker({
      db: database().db,
      classifier: broken,
      maxAttempts: 1,
      untilDrained: true
    });
    expect(summary).toMatchObject({ completed: 1, failed: 1 });
    const jobs = await jobsOf(database().db);
    expect(jobs.map((job) => job.status)).toEqual(['done', 'failed']);
    expect(jobs[1]!.last_error).toBe('the classifier scored threat NaN');
  });

  it('fail a job whose lease ran out more often than its attempts, without classifying it', async () => {
    await queueComments(database().db, ['kills every worker']);
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const [job] = await claimJobs(database().db, {
        owner: `dead-${attempt}`,
        limit: 1,
        leaseSeconds: 60
      });
      await expireLeases(database().db, [job!.id]);
    }
    const classifier = wordCountClassifier();
    const summary = await runWorker({
      db: database().db,
      classifier,
      maxAttempts: 2,
      untilDrained: true
    });
    expect(summary).toMatchObject({ completed: 0, failed: 1 });
    expect(classifier.calls).toEqual([]);
    const [job] = await jobsOf(database().db);
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(job!.last_error).toMatch(/lease ran out/);
  });

  it('stop after the batch in progress when aborted', async () => {
    await queueComments(database().db, ['a', 'b', 'c', 'd', 'e']);
    const stopping = new AbortController();
    const classifier = wordCountClassifier({
      // The stop arrives while the first batch is being classified.
      during: async () => stopping.abort()
    });
    const summary = await runWorker({
      db: database().db,
      classifier,
      batchSize: 2,
      signal: stopping.signal
    });
    expect(summary).toMatchObject({ batches: 1, completed: 2 });
    expect(await countJobsByStatus(database().db)).toMatchObject({
      done: 2,
      queued: 3,
      running: 0
    });
  });

  it('return at once when aborted while waiting for work', async () => {
    const stopping = new AbortController();
    const running = runWorker({
      db: database().db,
      classifier: wordCountClassifier(),
      pollMs: 3_600_000,
      signal: stopping.signal
    });
    setImmediate(() => stopping.abort());
    // With an hour's poll interval, only the abort can end it before the test times out.
    expect(await running).toMatchObject({ batches: 0 });
  });

  it('store nothing for jobs another worker took over while the batch was classified', async () => {
    const { commentIds } = await queueComments(database().db, ['slow one', 'slow two']);
    const classifier = wordCountClassifier({
      during: async () => {
        // Meanwhile the lease of the first job runs out and another worker claims it.
        await database()
          .db.updateTable('classification_jobs')
          .set({ lease_owner: 'faster-worker' })
          .where('comment_id', '=', commentIds[0]!)
          .execute();
      }
    });
    const reports: BatchReport[] = [];
    await runWorker({
      db: database().db,
      classifier,
      untilDrained: true,
      onBatch: (report) => reports.push(report)
    });
    expect(reports).toMatchObject([{ claimed: 2, completed: 1, lost: 1 }]);
    expect(await findCommentScores(database().db, commentIds[0]!)).toBeUndefined();
    expect(await findCommentScores(database().db, commentIds[1]!)).toBeDefined();
  });
});
