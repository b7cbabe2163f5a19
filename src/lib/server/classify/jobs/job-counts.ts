/** How many jobs are in each state: for the worker's log, `cli rescore` and the dashboard. */
import type { Kysely } from 'kysely';
import type { JobStatus, Schema } from '../../db/schema';

export type JobCounts = Record<JobStatus, number>;

export async function countJobsByStatus(db: Kysely<Schema>): Promise<JobCounts> {
  const rows = await db
    .selectFrom('classification_jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const { status, count } of rows) counts[status] = count;
  return counts;
}
