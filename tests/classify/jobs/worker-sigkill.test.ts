/**
 * Three real `cli worker` processes share a queue of 300 comments on PostgreSQL; one is
 * killed with SIGKILL in the middle of a batch (frozen with SIGSTOP first, until it is seen
 * holding leased jobs, so the kill can't land between two batches). The others must take over its jobs once the
 * lease runs out, and in the end every comment has exactly one verdict, written once: no
 * job lost, none completed twice. Triggers added to the test database count every write.
 *
 * PostgreSQL only: the embedded database admits one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countJobsByStatus } from '../../../src/lib/server/classify/jobs';
import { migrateToLatest, type Database } from '../../../src/lib/server/db';
import { ingestDocument } from '../../../src/lib/server/ingest/ingest-document';
import { manyCommentsPage } from '../../helpers/many-comments-page';
import { openScratchPostgres } from '../../helpers/test-databases';

const COMMENTS = 300;
const serverUrl = process.env.DATABASE_URL?.trim() || undefined;
const repoRoot = join(import.meta.dirname, '../../..');

interface WorkerProcess {
  child: ChildProcess;
  /** "host:pid:random" from the worker's first line. */
  id: Promise<string>;
  stderr: () => string;
  /** Comments its logged batches completed. */
  completed: () => number;
  exited: Promise<number | null>;
}

function startWorker(databaseUrl: string): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/index.ts', 'worker', '--batch-size', '8', '--lease-seconds', '2'],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' }
  );
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const id = new Promise<string>((found, failed) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /^worker (\S+) on /m.exec(stderr);
      if (match) found(match[1]!);
    });
    void exited.then((code) => failed(new Error(`worker exited with ${code}:\n${stderr}`)));
  });
  id.catch(() => {}); // reported where awaited
  const completed = () =>
    [...stderr.matchAll(/^batch: \d+ claimed, (\d+) done/gm)].reduce(
      (sum, match) => sum + Number(match[1]),
      0
    );
  return { child, id, stderr: () => stderr, completed, exited };
}

/** Polls until `check` holds; throws with `what` after `limitMs` (a bound, not a timing claim). */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(50);
  }
}

/** Counts score writes and done transitions, so a second completion could not go unseen. */
async function countWrites(database: Database): Promise<void> {
  await sql`create table test_score_writes (comment_id bigint not null)`.execute(database.db);
  await sql`create table test_done_transitions (job_id bigint not null, owner text)`.execute(
    database.db
  );
  await sql`
    create function test_count_writes() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'comment_scores' then
        insert into test_score_writes values (new.comment_id);
      else
        insert into test_done_transitions values (new.id, new.lease_owner);
      end if;
      return new;
    end $$`.execute(database.db);
  await sql`create trigger count_score_writes after insert or update on comment_scores
    for each row execute function test_count_writes()`.execute(database.db);
  await sql`create trigger count_done after update of status on classification_jobs
    for each row when (new.status = 'done' and old.status <> 'done')
    execute function test_count_writes()`.execute(database.db);
}

describe.skipIf(serverUrl === undefined)(
  `worker processes, one killed mid-batch [postgres${serverUrl ? '' : ', skipped: set DATABASE_URL to run against PostgreSQL (the embedded database admits one process)'}]`,
  () => {
    let scratch: Awaited<ReturnType<typeof openScratchPostgres>>;
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      scratch = await openScratchPostgres(serverUrl!);
      await migrateToLatest(scratch.database.db);
      await countWrites(scratch.database);
    });

    afterAll(async () => {
      for (const worker of workers)
        if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await Promise.all(workers.map((worker) => worker.exited));
      await scratch?.dispose();
    });

    it('lose and duplicate nothing', { timeout: 300_000 }, async () => {
      const db = scratch.database.db;
      const ingested = await ingestDocument(db, {
        bytes: manyCommentsPage(COMMENTS),
        fileName: 'many-comments.txt'
      });
      expect(ingested).toMatchObject({ status: 'stored', comments: COMMENTS });
      expect(await countJobsByStatus(db)).toMatchObject({ queued: COMMENTS });

      workers.push(...[0, 1, 2].map(() => startWorker(scratch.url)));
      // Mid-run: the victim is the first to complete a batch (so most of the queue is left,
      // whichever process started fastest), killed while it holds the jobs of its next one.
      await waitFor(
        'a worker to complete a batch',
        () => workers.some((w) => w.completed() > 0),
        240_000
      );
      const victim = workers.find((worker) => worker.completed() > 0)!;
      const survivors = workers.filter((worker) => worker !== victim);
      const victimId = await victim.id;
      const heldByVictim = () =>
        db
          .selectFrom('classification_jobs')
          .select('id')
          .where('status', '=', 'running')
          .where('lease_owner', '=', victimId)
          .execute();
      // Frozen (SIGSTOP) while we look, so what it holds can't change before the SIGKILL.
      await waitFor(
        'the victim to hold jobs',
        async () => {
          victim.child.kill('SIGSTOP');
          if ((await heldByVictim()).length > 0) return true;
          victim.child.kill('SIGCONT');
          return false;
        },
        60_000
      );
      victim.child.kill('SIGKILL');
      expect(await victim.exited).toBeNull(); // killed, not exited
      const abandoned = (await heldByVictim()).map((job) => job.id);
      expect(abandoned.length).toBeGreaterThan(0);
      expect((await countJobsByStatus(db)).done).toBeLessThan(COMMENTS);

      await waitFor(
        'the queue to drain',
        async () => {
          const counts = await countJobsByStatus(db);
          return counts.queued === 0 && counts.running === 0;
        },
        240_000
      );
      for (const worker of survivors) worker.child.kill('SIGTERM');
      for (const worker of survivors) {
        expect(await worker.exited, worker.stderr()).toBe(0);
        expect(worker.stderr()).toMatch(/SIGTERM: finishing the batch in progress/);
      }

      expect(await countJobsByStatus(db)).toEqual({
        queued: 0,
        running: 0,
        done: COMMENTS,
        failed: 0
      });
      const perComment = await sql<{ comments: number; scored: number; rows: number }>`
        select count(*)::int as comments,
               count(distinct s.comment_id)::int as scored,
               count(s.comment_id)::int as rows
        from comments c left join comment_scores s on s.comment_id = c.id`.execute(db);
      expect(perComment.rows[0]).toEqual({ comments: COMMENTS, scored: COMMENTS, rows: COMMENTS });
      const writes = await sql<{ scores: number; done: number; jobs: number }>`
        select (select count(*)::int from test_score_writes) as scores,
               (select count(*)::int from test_done_transitions) as done,
               (select count(distinct job_id)::int from test_done_transitions) as jobs`.execute(db);
      expect(writes.rows[0]).toEqual({ scores: COMMENTS, done: COMMENTS, jobs: COMMENTS });

      // The victim's jobs were finished by the others, on their second attempt.
      const takenOver = await db
        .selectFrom('classification_jobs')
        .select(['lease_owner', 'attempts'])
        .where('id', 'in', abandoned)
        .execute();
      const survivorIds = await Promise.all(survivors.map((worker) => worker.id));
      for (const job of takenOver) {
        expect(survivorIds).toContain(job.lease_owner);
        expect(job.attempts).toBeGreaterThanOrEqual(2);
      }
    });
  }
);
