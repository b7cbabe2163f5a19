/**
 * `worker`: classify queued comments until stopped (or, with --once, until none is left).
 * Several may run at once, on several machines, against one PostgreSQL: each claims its own
 * jobs with a lease. SIGINT/SIGTERM finish the batch in progress, then exit; a second signal
 * kills at once, which loses nothing either (the batch's leases run out and another worker,
 * or the next run, takes its jobs).
 */
import type { Command } from 'commander';
import { newWorkerId, runWorker, type BatchReport } from '../../lib/server/classify/jobs';
import { config } from '../../lib/server/config';
import { classifierFromSettings } from '../../lib/server/settings';
import { withDatabase } from '../database';
import { positiveInteger } from '../number-options';

interface WorkerCommandOptions {
  batchSize: number;
  leaseSeconds: number;
  maxAttempts: number;
  once?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'classify queued comments, storing scores, flags and spans. Run several (on several ' +
        'machines) against PostgreSQL (DATABASE_URL); the embedded database admits one ' +
        'process at a time, and `npm start` already runs a worker in-process'
    )
    .option('--batch-size <n>', 'comments claimed and classified together', positiveInteger, 32)
    .option(
      '--lease-seconds <n>',
      'how long a claim holds its comments before another worker may take them over',
      positiveInteger,
      60
    )
    .option('--max-attempts <n>', 'tries per comment before its job fails', positiveInteger, 3)
    .option('--once', 'exit when no job is left to claim, instead of waiting for more')
    .action(async (options: WorkerCommandOptions) => {
      await withDatabase(async ({ db, describe }) => {
        // Rebuilt before a batch whenever the settings pages changed thresholds or lexicon.
        const classifier = classifierFromSettings(db, config(), { lexiconThread: true });
        const loaded = await classifier();
        const workerId = newWorkerId();
        const stopping = new AbortController();
        const stop = (signal: NodeJS.Signals) => {
          process.stderr.write(`${signal}: finishing the batch in progress, then exiting\n`);
          stopping.abort();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const versions = Object.entries(loaded.versions).map(([kind, v]) => `${kind} ${v}`);
        process.stderr.write(
          `worker ${workerId} on ${describe}; classifier: ${versions.join(', ')}\n`
        );
        const summary = await runWorker({
          db,
          classifier,
          workerId,
          batchSize: options.batchSize,
          leaseSeconds: options.leaseSeconds,
          maxAttempts: options.maxAttempts,
          untilDrained: options.once === true,
          signal: stopping.signal,
          onBatch: (report) => process.stderr.write(`${describeBatch(report)}\n`)
        });
        process.stderr.write(
          `worker ${workerId} stopped: ${summary.batches} batches, ${summary.completed} done, ` +
            `${summary.failed} failed, ${summary.lost} lost to other workers\n`
        );
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      });
    });
}

export function describeBatch(report: BatchReport): string {
  const extra = [
    report.retried > 0 ? `${report.retried} to retry` : '',
    report.failed > 0 ? `${report.failed} failed` : '',
    report.lost > 0 ? `${report.lost} lost to other workers` : ''
  ].filter(Boolean);
  return `batch: ${report.claimed} claimed, ${report.completed} done${extra.map((e) => `, ${e}`).join('')} (${report.ms} ms)`;
}
