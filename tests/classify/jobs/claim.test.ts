import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import {
  claimJobs,
  countJobsLeftToClaim,
  extendLeases
} from '../../../src/lib/server/classify/jobs';
import { emptyQueue, expireLeases, jobsOf, queueComments } from '../../helpers/job-factories';
import { describeEachEngine } from '../../helpers/test-databases';

const lease = { leaseSeconds: 60 };

describeEachEngine('claiming classification jobs', (database) => {
  beforeEach(() => emptyQueue(database().db));

  it('claim the oldest queued jobs with their texts under a lease', async () => {
    const { commentIds } = await queueComments(database().db, ['a', 'b', 'c']);
    const claimed = await claimJobs(database().db, { owner: 'worker-1', limit: 2, ...lease });
    expect(claimed.map(({ commentId, attempts, text }) => ({ commentId, attempts, text }))).toEqual(
      [
        { commentId: commentIds[0], attempts: 1, text: 'a' },
        { commentId: commentIds[1], attempts: 1, text: 'b' }
      ]
    );
    const { now } = await sql<{ now: Date }>`select now() as now`
      .execute(database().db)
      .then((result) => result.rows[0]!);
    const jobs = await jobsOf(database().db);
    for (const job of jobs.slice(0, 2)) {
      expect(job).toMatchObject({ status: 'running', lease_owner: 'worker-1', attempts: 1 });
      const leaseLeft = job.lease_expires_at!.getTime() - now.getTime();
      expect(leaseLeft).toBeGreaterThan(50_000);
      expect(leaseLeft).toBeLessThanOrEqual(60_000);
    }
    expect(jobs[2]).toMatchObject({ status: 'queued', lease_owner: null, attempts: 0 });
  });

  it('give the next claim the jobs not yet held, and nothing once all are held', async () => {
    await queueComments(database().db, ['a', 'b', 'c']);
    const first = await claimJobs(database().db, { owner: 'worker-1', limit: 2, ...lease });
    const second = await claimJobs(database().db, { owner: 'worker-2', limit: 2, ...lease });
    expect(second.map((job) => job.text)).toEqual(['c']);
    expect(first.map((job) => job.id)).not.toContain(second[0]!.id);
    expect(await claimJobs(database().db, { owner: 'worker-3', limit: 2, ...lease })).toEqual([]);
    expect(await countJobsLeftToClaim(database().db)).toBe(0);
  });

  it('claim a running job again once its lease has expired, counting the attempt', async () => {
    await queueComments(database().db, ['held', 'abandoned']);
    const [held, abandoned] = await claimJobs(database().db, {
      owner: 'killed-worker',
      limit: 2,
      ...lease
    });
    await expireLeases(database().db, [abandoned!.id]);
    expect(await countJobsLeftToClaim(database().db)).toBe(1);

    const reclaimed = await claimJobs(database().db, { owner: 'worker-2', limit: 5, ...lease });
    expect(reclaimed.map(({ id, attempts }) => ({ id, attempts }))).toEqual([
      { id: abandoned!.id, attempts: 2 }
    ]);
    const jobs = await jobsOf(database().db);
    expect(jobs.find((job) => job.id === held!.id)?.lease_owner).toBe('killed-worker');
    expect(jobs.find((job) => job.id === abandoned!.id)?.lease_owner).toBe('worker-2');
  });

  it('not claim a retried job before its delay is over', async () => {
    await queueComments(database().db, ['later']);
    await database()
      .db.updateTable('classification_jobs')
      .set({ available_at: sql<Date>`now() + interval '1 hour'` })
      .execute();
    expect(await claimJobs(database().db, { owner: 'w', limit: 5, ...lease })).toEqual([]);
    // Still waiting to be done: `worker --once` must not consider the queue drained.
    expect(await countJobsLeftToClaim(database().db)).toBe(1);
  });

  it('extend only the leases the worker still holds', async () => {
    await queueComments(database().db, ['kept', 'taken over']);
    const [kept, takenOver] = await claimJobs(database().db, { owner: 'slow', limit: 2, ...lease });
    await expireLeases(database().db, [kept!.id, takenOver!.id]);
    // Another worker claims one of them while "slow" is still classifying.
    await database()
      .db.updateTable('classification_jobs')
      .set({ lease_owner: 'fast' })
      .where('id', '=', takenOver!.id)
      .execute();
    const stillHeld = await extendLeases(database().db, {
      owner: 'slow',
      jobIds: [kept!.id, takenOver!.id],
      leaseSeconds: 60
    });
    expect(stillHeld).toEqual([kept!.id]);
    const jobs = await jobsOf(database().db);
    const keptJob = jobs.find((job) => job.id === kept!.id)!;
    const otherJob = jobs.find((job) => job.id === takenOver!.id)!;
    expect(keptJob.lease_expires_at!.getTime()).toBeGreaterThan(
      otherJob.lease_expires_at!.getTime()
    );
    expect(await countJobsLeftToClaim(database().db)).toBe(1); // only the one not renewed
  });
});

describeEachEngine(
  'claiming concurrently',
  (database) => {
    beforeEach(() => emptyQueue(database().db));

    it('skip the rows another open claim has locked instead of waiting for them', async () => {
      await queueComments(database().db, ['1', '2', '3', '4', '5', '6']);
      // The first claim's transaction stays open, its rows locked, while the second claims on
      // another connection: without SKIP LOCKED the second would block on those rows (and
      // this test would hang), without FOR UPDATE both would pick the same ones.
      const { first, second } = await database()
        .db.transaction()
        .execute(async (trx) => {
          const first = await claimJobs(trx, { owner: 'a', limit: 3, ...lease });
          const second = await claimJobs(database().db, { owner: 'b', limit: 3, ...lease });
          return { first, second };
        });
      expect(first.map((job) => job.text)).toEqual(['1', '2', '3']);
      expect(second.map((job) => job.text)).toEqual(['4', '5', '6']);
    });

    it('hand out every job exactly once to claims racing each other', async () => {
      const texts = Array.from({ length: 60 }, (_, index) => `comment ${index}`);
      const { commentIds } = await queueComments(database().db, texts);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          claimJobs(database().db, { owner: `worker-${index}`, limit: 10, ...lease })
        )
      );
      const claimed = claims.flat().map((job) => job.commentId);
      expect(claimed).toHaveLength(60);
      expect(new Set(claimed)).toEqual(new Set(commentIds));
      const jobs = await jobsOf(database().db);
      expect(jobs.every((job) => job.status === 'running' && job.attempts === 1)).toBe(true);
    });
  },
  { engines: ['postgres'] }
);
