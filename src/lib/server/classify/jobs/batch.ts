/**
 * One batch of claimed jobs: classify their texts while keeping the leases alive, then store
 * the verdicts (complete.ts) and send what failed back to the queue (retry.ts).
 *
 * When the batch throws, each text is classified on its own, so one comment the classifier
 * chokes on does not use up the attempts of the others in its batch.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { LABELS, type Classification, type Classifier } from '../types';
import type { ClaimedJob } from './claim';
import { completeJobs, type JobVerdict } from './complete';
import { keepLeases } from './heartbeat';
import { retryOrFailJobs, type JobFailure, type RetryPolicy } from './retry';

export interface BatchContext {
  db: Kysely<Schema>;
  classifier: Classifier;
  owner: string;
  leaseSeconds: number;
  retry: RetryPolicy;
}

/** What became of one batch, for logs and tests. */
export interface BatchReport {
  workerId: string;
  claimed: number;
  completed: number;
  retried: number;
  failed: number;
  /** Jobs another worker took over (this one's lease ran out): nothing written for them. */
  lost: number;
  /** Wall time of the batch, claim excluded. */
  ms: number;
}

export async function processBatch(
  context: BatchContext,
  jobs: readonly ClaimedJob[]
): Promise<BatchReport> {
  const { db, classifier, owner, leaseSeconds, retry } = context;
  const startedAt = performance.now();
  // Claimed more often than allowed: every earlier holder died or stalled on it.
  const exhausted = jobs.filter((job) => job.attempts > retry.maxAttempts);
  const runnable = jobs.filter((job) => job.attempts <= retry.maxAttempts);

  const heartbeat = keepLeases(db, { owner, jobIds: runnable.map((job) => job.id), leaseSeconds });
  let classified: { verdicts: JobVerdict[]; failures: JobFailure[] };
  try {
    classified = await classifyIsolatingFailures(classifier, runnable);
  } finally {
    await heartbeat.stop();
  }
  const completion = await completeJobs(db, owner, classified.verdicts);
  const abandoned = exhausted.map((job) => ({
    jobId: job.id,
    error: `gave up after ${job.attempts - 1} attempts: the last one's lease ran out (its worker was killed or stalled)`
  }));
  const retried = await retryOrFailJobs(db, owner, [...classified.failures, ...abandoned], retry);
  return {
    workerId: owner,
    claimed: jobs.length,
    completed: completion.completed.length,
    retried: retried.retried.length,
    failed: retried.failed.length,
    lost: completion.lost.length + retried.lost.length,
    ms: Math.round(performance.now() - startedAt)
  };
}

async function classifyIsolatingFailures(
  classifier: Classifier,
  jobs: readonly ClaimedJob[]
): Promise<{ verdicts: JobVerdict[]; failures: JobFailure[] }> {
  if (jobs.length === 0) return { verdicts: [], failures: [] };
  try {
    const classifications = await classifyInOrder(
      classifier,
      jobs.map((job) => job.text)
    );
    return {
      verdicts: jobs.map((job, index) => ({
        jobId: job.id,
        classification: classifications[index]!
      })),
      failures: []
    };
  } catch (batchError) {
    if (jobs.length === 1) return { verdicts: [], failures: [failureOf(jobs[0]!, batchError)] };
  }
  const verdicts: JobVerdict[] = [];
  const failures: JobFailure[] = [];
  for (const job of jobs) {
    try {
      const [classification] = await classifyInOrder(classifier, [job.text]);
      verdicts.push({ jobId: job.id, classification: classification! });
    } catch (error) {
      failures.push(failureOf(job, error));
    }
  }
  return { verdicts, failures };
}

/**
 * classify(), refusing an answer that does not have one verdict per text, or a score the
 * table's checks would reject: that would fail the whole batch's completion, every time.
 */
async function classifyInOrder(
  classifier: Classifier,
  texts: readonly string[]
): Promise<Classification[]> {
  const classifications = await classifier.classify(texts);
  if (classifications.length !== texts.length) {
    throw new Error(
      `the classifier returned ${classifications.length} verdicts for ${texts.length} texts`
    );
  }
  for (const { scores } of classifications) {
    const bad = LABELS.find((label) => !(scores[label] >= 0 && scores[label] <= 1));
    if (bad !== undefined) throw new Error(`the classifier scored ${bad} ${scores[bad]}`);
  }
  return classifications;
}

function failureOf(job: ClaimedJob, error: unknown): JobFailure {
  return { jobId: job.id, error: error instanceof Error ? error.message : String(error) };
}
