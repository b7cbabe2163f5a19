/**
 * Claiming jobs with a lease. Any number of workers, on any number of machines, run the
 * claim at once: `FOR UPDATE SKIP LOCKED` makes each skip the rows another is claiming, so
 * they get disjoint jobs without waiting on each other. A running job whose lease expired
 * (its worker was killed, or lost the database) is claimable again.
 *
 * Times are the database's (`now()`), never a worker's clock, so machines whose clocks
 * disagree still agree on when a lease ends.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

export interface ClaimedJob {
  id: number;
  commentId: number;
  /** Including this claim: 1 the first time. */
  attempts: number;
  /** The comment's text, fetched by the claim itself. */
  text: string;
}

export interface ClaimOptions {
  /** The worker's id (see newWorkerId), recorded as lease_owner. */
  owner: string;
  limit: number;
  leaseSeconds: number;
}

/** `now() + leaseSeconds`, computed by the database. */
export function leaseUntil(leaseSeconds: number) {
  return sql<Date>`now() + make_interval(secs => ${leaseSeconds})`;
}

/**
 * Claims up to `limit` jobs, oldest first, in one statement:
 *
 *   update classification_jobs as job set status = 'running', attempts = attempts + 1,
 *          lease_owner = $owner, lease_expires_at = now() + $lease
 *   from comments
 *   where comments.id = job.comment_id and job.id in (
 *     select id from classification_jobs
 *     where status in ('queued', 'running')
 *       and ((status = 'queued' and available_at <= now())
 *         or (status = 'running' and lease_expires_at < now()))
 *     order by id limit $limit
 *     for update skip locked)
 *   returning job.id, job.comment_id, job.attempts, comments.text
 */
export async function claimJobs(
  db: Kysely<Schema>,
  { owner, limit, leaseSeconds }: ClaimOptions
): Promise<ClaimedJob[]> {
  const rows = await db
    .updateTable('classification_jobs as job')
    .from('comments')
    .set((eb) => ({
      status: 'running',
      attempts: eb('job.attempts', '+', 1),
      lease_owner: owner,
      lease_expires_at: leaseUntil(leaseSeconds)
    }))
    .whereRef('comments.id', '=', 'job.comment_id')
    .where('job.id', 'in', (eb) =>
      eb
        .selectFrom('classification_jobs')
        .select('id')
        // Repeats what the arms below say, so the planner sees the partial index applies.
        .where('status', 'in', ['queued', 'running'])
        .where(({ and, or, eb: cmp }) =>
          or([
            and([cmp('status', '=', 'queued'), cmp('available_at', '<=', sql<Date>`now()`)]),
            and([cmp('status', '=', 'running'), cmp('lease_expires_at', '<', sql<Date>`now()`)])
          ])
        )
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
    )
    .returning(['job.id', 'job.comment_id as commentId', 'job.attempts', 'comments.text'])
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Pushes the lease of jobs this worker still holds `leaseSeconds` into the future, while a
 * slow batch is being classified. Returns the ids still held; a job missing from it was
 * claimed by another worker after its lease ran out, and must not be completed here.
 */
export async function extendLeases(
  db: Kysely<Schema>,
  {
    owner,
    jobIds,
    leaseSeconds
  }: { owner: string; jobIds: readonly number[]; leaseSeconds: number }
): Promise<number[]> {
  if (jobIds.length === 0) return [];
  const rows = await db
    .updateTable('classification_jobs')
    .set({ lease_expires_at: leaseUntil(leaseSeconds) })
    .where('id', 'in', [...jobIds])
    .where('status', '=', 'running')
    .where('lease_owner', '=', owner)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Jobs a worker could still get: queued ones (a retry waiting out its delay included) and
 * running ones whose lease has expired. Jobs other live workers hold are not counted.
 */
export async function countJobsLeftToClaim(db: Kysely<Schema>): Promise<number> {
  const { count } = await db
    .selectFrom('classification_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', 'in', ['queued', 'running'])
    .where(({ or, eb }) =>
      or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', sql<Date>`now()`)])
      ])
    )
    .executeTakeFirstOrThrow();
  return count;
}
