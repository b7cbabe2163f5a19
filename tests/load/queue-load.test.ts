/**
 * The load test (issue 6): 50 signed-in moderators at once for 60 s (THREADWATCH_LOAD_SECONDS
 * to change it), each opening the queue page, reading the queue through the API and
 * posting a decision on one of its comments, against the built app on loopback with a
 * synthetic corpus of 50 articles × 40 comments. It asserts only correctness: no answer
 * but 2xx or 409 (someone decided first), no socket errors, and no lost decisions — every
 * accepted decision, and every conflict the app said it recorded, is in the audit trail,
 * and the trail holds nothing else. Latency percentiles per request kind are printed and
 * written to data/bench/load-<engine>.json, never asserted.
 *
 * It runs twice: on the embedded PGlite default, and on PostgreSQL (a scratch database on
 * the DATABASE_URL server; skipped without one). PGlite runs every query on the server's
 * own thread, so it serves fewer rounds; the PostgreSQL run shows what a deployment with a
 * database server gets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machine } from '../../src/bench/machine';
import type { AccountRequest } from '../helpers/app-accounts';
import { waitForScoredArticles } from '../helpers/classification-wait';
import { signInOverHttp } from '../helpers/http-session';
import { serveApp, type ServedApp } from '../helpers/served-app';
import { openScratchPostgres } from '../helpers/test-databases';
import { writeSyntheticCorpus } from './synthetic-corpus';
import { LoadTally, runVirtualUser } from './virtual-user';

const SECONDS = Number(process.env.THREADWATCH_LOAD_SECONDS ?? 60);
const USERS = 50;
const CORPUS = { articles: 50, commentsPerArticle: 40 };
const SERVER_URL = process.env.DATABASE_URL;

interface TrailEntry {
  id: number;
  conflict: boolean;
}

type Engine = 'pglite' | 'postgres';

for (const engine of ['pglite', 'postgres'] as const)
  describe.skipIf(engine === 'postgres' && !SERVER_URL)(
    `${USERS} moderators on the queue for ${SECONDS} s [${engine}]`,
    () => loadSuite(engine)
  );

function loadSuite(engine: Engine): void {
  const corpusDir = mkdtempSync(join(tmpdir(), 'threadwatch-load-corpus-'));
  let scratch: Awaited<ReturnType<typeof openScratchPostgres>> | undefined;
  let app: ServedApp;
  let auditor: Record<string, string>;
  const cookies: string[] = [];
  let flagged = 0;

  beforeAll(async () => {
    writeSyntheticCorpus(corpusDir, CORPUS);
    const moderators: AccountRequest[] = Array.from({ length: USERS }, (_, index) => ({
      name: `load-mod-${index + 1}`,
      role: 'moderator'
    }));
    if (engine === 'postgres') scratch = await openScratchPostgres(SERVER_URL!);
    app = await serveApp(
      { THREADWATCH_SEEDS_DIR: corpusDir },
      {
        accounts: [...moderators, { name: 'auditor', role: 'analyst', token: true }],
        databaseUrl: scratch?.url
      }
    );
    auditor = { authorization: `Bearer ${app.accounts.get('auditor')!.token}` };
    const articles = await waitForScoredArticles(app.url, auditor, { articles: CORPUS.articles });
    flagged = articles.reduce((sum, article) => sum + article.flaggedCount, 0);
    for (const { name } of moderators)
      cookies.push(await signInOverHttp(app.url, app.accounts.get(name)!));
  }, 600_000);

  afterAll(async () => {
    await app?.stop();
    await scratch?.dispose();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it(
    'answers every request without error and loses no decision',
    async () => {
      expect(flagged).toBeGreaterThan(USERS);
      const tally = new LoadTally();
      const until = Date.now() + SECONDS * 1000;
      await Promise.all(cookies.map((cookie) => runVirtualUser(app.url, cookie, until, tally)));
      const trail = await wholeTrail(app.url, auditor);
      report(engine, tally, trail, flagged);

      expect(tally.socketErrors).toEqual([]);
      expect(tally.unexpected).toEqual([]);
      expect(tally.applied.length).toBeGreaterThan(0);
      const inTrail = new Map(trail.map((entry) => [entry.id, entry]));
      expect(tally.applied.filter((id) => inTrail.get(id)?.conflict !== false)).toEqual([]);
      expect(tally.conflicts.filter((id) => inTrail.get(id)?.conflict !== true)).toEqual([]);
      // Nothing recorded that no one was told about, and nothing recorded twice.
      expect(trail.length).toBe(tally.applied.length + tally.conflicts.length);
      expect(new Set(tally.applied).size).toBe(tally.applied.length);
    },
    (SECONDS + 180) * 1000
  );
}

/** Every entry of GET /api/v1/decisions, page by page. */
async function wholeTrail(url: string, headers: Record<string, string>): Promise<TrailEntry[]> {
  const entries: TrailEntry[] = [];
  let after: string | null = null;
  do {
    const path: string = `/api/v1/decisions?limit=200${after ? `&after=${after}` : ''}`;
    const response = await fetch(new URL(path, url), { headers });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { decisions: TrailEntry[]; nextCursor: string | null };
    entries.push(...page.decisions);
    after = page.nextCursor;
  } while (after !== null);
  return entries;
}

/** A console table of the latencies, and the same numbers in data/bench/load-<engine>.json. */
function report(engine: Engine, tally: LoadTally, trail: TrailEntry[], flagged: number): void {
  const latencies = tally.latencies.summary();
  const outcomes = {
    flaggedBefore: flagged,
    applied: tally.applied.length,
    conflicts: tally.conflicts.length,
    nothingToUndo: tally.nothingToUndo,
    undoRounds: tally.undoRounds,
    unexpected: tally.unexpected.length,
    socketErrors: tally.socketErrors.length,
    trailEntries: trail.length
  };
  console.log(`load on ${engine}: ${USERS} users × ${SECONDS} s, latencies in ms`);
  console.table(latencies);
  console.table(outcomes);
  mkdirSync('data/bench', { recursive: true });
  const measured = {
    measuredAt: new Date().toISOString(),
    machine,
    engine,
    users: USERS,
    seconds: SECONDS
  };
  writeFileSync(
    `data/bench/load-${engine}.json`,
    `${JSON.stringify({ ...measured, corpus: CORPUS, latencies, outcomes }, null, 2)}\n`
  );
}
