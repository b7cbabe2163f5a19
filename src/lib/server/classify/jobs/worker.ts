/**
 * The classification worker: claim a batch, classify it, store the verdicts, repeat. Run by
 * `cli worker` (any number of processes, on any number of machines, against PostgreSQL) and
 * once in-process by `cli serve`.
 *
 * A worker that dies mid-batch loses nothing: its jobs stay `running` until their lease runs
 * out, then another worker claims them. It duplicates nothing: completion only writes for
 * jobs whose lease it still holds (complete.ts).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import type { Classifier } from '../types';
import { processBatch, type BatchReport } from './batch';
import { claimJobs, countJobsLeftToClaim } from './claim';

/**
 * A fixed classifier, or a function asked for the one in force before each batch: the
 * settings pages change thresholds and the lexicon while workers run
 * (settings/classifier-source.ts answers from a cheap fingerprint, rebuilding on change).
 */
export type ClassifierInForce = Classifier | (() => Promise<Classifier>);

export interface WorkerOptions {
  db: Kysely<Schema>;
  classifier: ClassifierInForce;
  /** Jobs claimed and classified together. Default 32. */
  batchSize?: number;
  /** How long a claim holds its jobs; renewed while a batch runs. Default 60. */
  leaseSeconds?: number;
  /** First wait when the queue is empty; each empty poll doubles it. Default 1000. */
  pollMs?: number;
  /** The longest wait between polls of an empty queue. Default 5000. */
  maxPollMs?: number;
  /** Claims a job gets before it is failed. Default 3. */
  maxAttempts?: number;
  /** A retried job waits this many seconds times its attempts. Default 10. */
  retryDelaySeconds?: number;
  /** Stops the worker after the batch in progress. */
  signal?: AbortSignal;
  /** Return once no job is left to claim (`cli worker --once`) instead of polling on. */
  untilDrained?: boolean;
  /** Recorded as lease_owner; default newWorkerId(). */
  workerId?: string;
  onBatch?: (report: BatchReport) => void;
}

export interface WorkerSummary {
  workerId: string;
  batches: number;
  completed: number;
  retried: number;
  failed: number;
  lost: number;
}

/** `host:pid:random`: unique across machines and across restarts that reuse a pid. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { db, classifier, signal, untilDrained = false, onBatch } = options;
  const batchSize = options.batchSize ?? 32;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const pollMs = options.pollMs ?? 1000;
  const maxPollMs = Math.max(pollMs, options.maxPollMs ?? 5000);
  const owner = options.workerId ?? newWorkerId();
  const retry = {
    maxAttempts: options.maxAttempts ?? 3,
    retryDelaySeconds: options.retryDelaySeconds ?? 10
  };
  const summary: WorkerSummary = {
    workerId: owner,
    batches: 0,
    completed: 0,
    retried: 0,
    failed: 0,
    lost: 0
  };
  let idlePolls = 0;
  while (!signal?.aborted) {
    const jobs = await claimJobs(db, { owner, limit: batchSize, leaseSeconds });
    if (jobs.length === 0) {
      if (untilDrained && (await countJobsLeftToClaim(db)) === 0) break;
      await pause(Math.min(pollMs * 2 ** Math.min(idlePolls, 20), maxPollMs), signal);
      idlePolls += 1;
      continue;
    }
    idlePolls = 0;
    const current = typeof classifier === 'function' ? await classifier() : classifier;
    const report = await processBatch(
      { db, classifier: current, owner, leaseSeconds, retry },
      jobs
    );
    summary.batches += 1;
    summary.completed += report.completed;
    summary.retried += report.retried;
    summary.failed += report.failed;
    summary.lost += report.lost;
    onBatch?.(report);
  }
  return summary;
}

/** Waits, or less if the signal fires: stopping must not wait out an idle backoff. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await sleep(ms, undefined, { signal }).catch((error: unknown) => {
    if (!signal?.aborted) throw error;
  });
}
