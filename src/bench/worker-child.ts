/**
 * Child process of the worker stage: `worker-child.ts <database-url> <jobs>` runs one
 * classification worker (runWorker, the classifier in force, as `cli worker` does) until
 * it has completed at least <jobs> jobs, then prints { completed, seconds,
 * commentsPerSecond, peakRssMb } as one line of JSON. Its RSS is a worker's own.
 */
import { runWorker } from '../lib/server/classify/jobs';
import { config } from '../lib/server/config';
import { createDb } from '../lib/server/db';
import { classifierFromSettings } from '../lib/server/settings';
import { peakRssMb } from './child-process';

const [databaseUrl, jobsArg] = process.argv.slice(2);
const jobs = Number(jobsArg);
if (!databaseUrl || !(jobs > 0)) throw new Error('usage: worker-child.ts <database-url> <jobs>');
const database = await createDb({ databaseUrl });
try {
  const classifier = classifierFromSettings(database.db, config(), { lexiconThread: true });
  // Models loaded and the lexicon's thread started before the clock starts, as in a worker
  // that has been running: both are paid once per process (the thread ~0.5 s).
  await (await classifier()).classify(['warm-up']);
  const stop = new AbortController();
  let completed = 0;
  const started = performance.now();
  await runWorker({
    db: database.db,
    classifier,
    signal: stop.signal,
    untilDrained: true,
    onBatch: (report) => {
      completed += report.completed;
      if (completed >= jobs) stop.abort();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      completed,
      seconds,
      commentsPerSecond: completed / seconds,
      peakRssMb: peakRssMb()
    })
  );
} finally {
  await database.close();
}
