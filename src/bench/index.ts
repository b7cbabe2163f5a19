/**
 * `npm run bench`: the benchmarks of issue 6 on a seeded synthetic corpus (default a million
 * comments over 10,000 articles). Stages run in order and can be picked with --only; each
 * prints a table, and data/bench/results.json (rewritten after every stage, so a stopped run
 * keeps what it measured) holds the machine and every number. Nothing is asserted in tests.
 *
 *   npm run bench -- --scale 20000
 *   npm run bench -- --only ingest,scores,queue --database-url postgres://…/db --keep-database
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '../lib/server/db';
import { measureAnalytics } from './analytics-latency';
import { benchDatabase, type BenchDatabase } from './bench-database';
import { runChild } from './child-process';
import { measureClassifyThroughput } from './classify-throughput';
import type { CorpusShape } from './corpus';
import { measureIngest } from './ingest-throughput';
import type { LatencyResult } from './latency';
import { machine } from './machine';
import { measureParseThroughput, measureSyntheticParse } from './parse-throughput';
import { measureQueue, type LoadPlan } from './queue-latency';
import { writeSyntheticScores } from './synthetic-scores';
import { checkTargets } from './check-targets';

const STAGES = [
  'parse',
  'classify',
  'ingest',
  'pglite',
  'worker',
  'scores',
  'queue',
  'analytics',
  'export'
] as const;
type Stage = (typeof STAGES)[number];
const OUT_DIR = 'data/bench';

const options = new Command()
  .name('bench')
  .option('--scale <comments>', 'comments in the synthetic corpus', toInt, 1_000_000)
  .option('--articles <n>', 'articles (default: scale / 100)', toInt)
  .option('--seed <n>', 'corpus seed', toInt, 1)
  .addOption(
    new Option('--only <stages>', `comma-separated: ${STAGES.join(',')}`).default(STAGES.join(','))
  )
  .option(
    '--database-url <url>',
    'PostgreSQL to use as it is (default: create threadwatch_bench_<pid> on 127.0.0.1:5432 and drop it)'
  )
  .option('--keep-database', 'keep the created database (for later --only runs)', false)
  .option('--pglite-scale <comments>', 'comments ingested into PGlite (default: --scale)', toInt)
  .option(
    '--concurrency <n>',
    'batches of documents in flight while ingesting into PostgreSQL',
    toInt,
    2
  )
  .option('--users <list>', 'concurrent users for queue and analytics', '1,20')
  .option('--requests <n>', 'requests per single user (fewer each with many users)', toInt, 20)
  .option('--worker-jobs <n>', 'jobs the worker stage classifies', toInt, 3000)
  .parse()
  .opts<{
    scale: number;
    articles?: number;
    seed: number;
    only: string;
    databaseUrl?: string;
    keepDatabase: boolean;
    pgliteScale?: number;
    concurrency: number;
    users: string;
    requests: number;
    workerJobs: number;
  }>();

function toInt(value: string): number {
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < 1) throw new Error(`Not a positive integer: ${value}`);
  return number;
}

const stages = new Set(options.only.split(',').map((stage) => stage.trim()) as Stage[]);
for (const stage of stages)
  if (!STAGES.includes(stage))
    throw new Error(`Unknown stage ${stage}; stages: ${STAGES.join(', ')}`);
const shape: CorpusShape = {
  seed: options.seed,
  comments: options.scale,
  articles: options.articles ?? Math.max(1, Math.round(options.scale / 100))
};
const plan: LoadPlan = { users: options.users.split(',').map(toInt), requests: options.requests };
const results: Record<string, unknown> = {
  measuredAt: new Date().toISOString(),
  machine,
  corpus: shape,
  stages: [...stages]
};

async function save(stage: string, value: unknown, table?: Record<string, unknown>[]) {
  results[stage] = value;
  if (table) console.table(table);
  results.targets = checkTargets(results);
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(`${OUT_DIR}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const round = (value: number, digits = 0) => Number(value.toFixed(digits));
log(`${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
log(`corpus: ${shape.comments} comments over ${shape.articles} articles, seed ${shape.seed}`);

if (stages.has('parse')) {
  const parse = [...(await measureParseThroughput()), ...measureSyntheticParse(shape, 64)];
  await save(
    'parse',
    parse,
    parse.map((row) => ({
      parse: row.corpus,
      files: row.files,
      comments: row.comments,
      'MB/s': round(row.megabytesPerSecond, 2)
    }))
  );
}

if (stages.has('classify')) {
  const classify = await measureClassifyThroughput();
  await save(
    'classify',
    classify,
    classify.map((row) => ({
      classify: row.what,
      comments: row.comments,
      'comments/s': round(row.commentsPerSecond)
    }))
  );
}

if (stages.has('pglite')) {
  const dataDir = join(tmpdir(), `threadwatch-bench-pglite-${process.pid}`);
  const database = await createDb({ dataDir });
  try {
    await migrateToLatest(database.db);
    const scale = Math.min(options.pgliteScale ?? shape.comments, shape.comments);
    const pgliteShape = {
      ...shape,
      comments: scale,
      articles: Math.max(1, Math.round((scale * shape.articles) / shape.comments))
    };
    const result = await measureIngest(database.db, 'pglite', pgliteShape, 1);
    await save('ingestPglite', result, [ingestRow(result)]);
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const needsPostgres = ['ingest', 'worker', 'scores', 'queue', 'analytics', 'export'].some((stage) =>
  stages.has(stage as Stage)
);
let bench: BenchDatabase | undefined;
try {
  if (needsPostgres) {
    bench = await benchDatabase(options.databaseUrl, { keep: options.keepDatabase });
    log(`PostgreSQL: ${bench.url}${bench.created ? ' (created for this run)' : ''}`);
    await postgresStages(bench);
  }
} finally {
  await bench?.dispose();
}
log(`wrote ${OUT_DIR}/results.json`);
console.table(
  (results.targets as ReturnType<typeof checkTargets>).map((check) => ({
    target: check.target,
    measured: `${round(check.measured, 1)} ${check.unit}`,
    goal: `${check.goal} ${check.unit}`,
    met: check.met ? 'yes' : `no (${round(check.shareOfTarget * 100)} % of target)`
  }))
);

async function postgresStages(bench: BenchDatabase): Promise<void> {
  const database = await bench.open();
  const { db } = database;
  try {
    if (stages.has('ingest')) {
      const result = await measureIngest(db, 'postgres', shape, options.concurrency);
      await save('ingestPostgres', result, [ingestRow(result)]);
      // What autovacuum does soon after a bulk load, done now: measured straight after the
      // ingest, the worker ran on plans made for an empty jobs table (342 against 1,127
      // comments/s once analysed, at 50,000 comments). VACUUM also marks the new pages
      // all-visible, which the queue's index-only scans rely on.
      await sql`vacuum analyze`.execute(db);
    }
    if (stages.has('worker')) {
      const worker = await runChild<{
        completed: number;
        seconds: number;
        commentsPerSecond: number;
        peakRssMb: number;
      }>('./worker-child.ts', [bench.url, String(options.workerJobs)]);
      // Without queued jobs (no ingest stage in this run, or a database already classified)
      // there is nothing to measure: say so rather than report 0 comments/s as a result.
      if (worker.completed === 0)
        throw new Error(
          'The worker stage found no queued classification jobs: run it with the ingest stage (--only ingest,worker) or on a database with queued jobs'
        );
      await save('worker', worker, [
        {
          worker: 'runWorker, classifier in force',
          jobs: worker.completed,
          'comments/s': round(worker.commentsPerSecond),
          'peak RSS MB': round(worker.peakRssMb)
        }
      ]);
    }
    if (stages.has('scores')) {
      log(
        'writing SYNTHETIC scores with SQL (not the classifier) for the queue and analytics stages'
      );
      const scores = await writeSyntheticScores(db);
      await save(
        'syntheticScores',
        {
          ...scores,
          note: 'scores written by SQL from a hash of the comment id, not by the classifier'
        },
        [
          {
            'synthetic scores': scores.scored,
            flagged: scores.flagged,
            seconds: round(scores.seconds, 1)
          }
        ]
      );
    }
    const { rows } = await sql<{
      comments: string;
      outlet: string | null;
      author: string | null;
    }>`
      select (select count(*) from comments) as comments,
        (select outlet from articles where outlet is not null group by outlet order by count(*) desc, outlet limit 1) as outlet,
        (select author from comments where author is not null group by author order by count(*) desc, author limit 1) as author`.execute(
      db
    );
    const stored = {
      comments: Number(rows[0]!.comments),
      outlet: rows[0]!.outlet ?? 'none',
      author: rows[0]!.author ?? 'none'
    };
    if (stages.has('queue')) {
      const queue = await measureQueue(db, stored, plan);
      await save('queue', { comments: stored.comments, results: queue }, queue.map(latencyRow));
    }
    if (stages.has('analytics')) {
      const { rollupRefreshMs, results: analytics } = await measureAnalytics(
        db,
        stored.outlet,
        plan
      );
      log(`analytics rollup brought up to date in ${round(rollupRefreshMs)} ms`);
      await save(
        'analytics',
        { comments: stored.comments, rollupRefreshMs, results: analytics },
        analytics.map(latencyRow)
      );
    }
    if (stages.has('export')) {
      const file = join(tmpdir(), `threadwatch-bench-export-${process.pid}.csv`);
      try {
        const exported = await runChild<{
          rows: number;
          megabytes: number;
          seconds: number;
          peakRssMb: number;
        }>('./export-child.ts', [bench.url, file]);
        await save('export', exported, [
          {
            export: 'CSV, every comment',
            rows: exported.rows,
            MB: round(exported.megabytes),
            seconds: round(exported.seconds, 1),
            'rows/s': round(exported.rows / exported.seconds),
            'peak RSS MB': round(exported.peakRssMb)
          }
        ]);
      } finally {
        await rm(file, { force: true });
      }
    }
  } finally {
    await database.close();
  }
}

function ingestRow(result: Awaited<ReturnType<typeof measureIngest>>) {
  return {
    ingest: result.engine,
    articles: result.articles,
    comments: result.comments,
    MB: round(result.megabytes),
    seconds: round(result.seconds, 1),
    'comments/s': round(result.commentsPerSecond)
  };
}

function latencyRow(result: LatencyResult) {
  return {
    scenario: result.scenario,
    users: result.users,
    requests: result.requests,
    'p50 ms': round(result.p50Ms, 1),
    'p95 ms': round(result.p95Ms, 1),
    'max ms': round(result.maxMs, 1)
  };
}
