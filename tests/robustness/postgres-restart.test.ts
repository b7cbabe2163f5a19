/**
 * PostgreSQL goes away in the middle of `cli ingest` (a private server of this test's own,
 * stopped once some documents are stored, then started again): the command fails with one
 * clear line about the lost connection, no stack; every document it stored is complete (its
 * article, every comment the parser finds in its file, a job per comment) and nothing else
 * is there; running the same command again stores exactly the rest, reporting the others as
 * already stored, and leaves the database as one uninterrupted ingest of the folder does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_DOCUMENTS } from '../../src/lib/server/ingest/ingest-batch';
import { parseDocument } from '../../src/lib/server/ingest/parse';
import { manyCommentsPage } from '../helpers/many-comments-page';
import {
  postgresBinDir,
  startPrivatePostgres,
  type PrivatePostgres
} from '../helpers/private-postgres';
import { runCli, type CliResult } from '../helpers/run-cli';

/**
 * Ingest commits a batch of BATCH_DOCUMENTS pages at a time, two batches in flight: ten
 * batches, and the server stopped once the first is stored, leave most of the run to go
 * even on a loaded machine (with two batches, the second could land before the stop did).
 */
const PAGES = 10 * BATCH_DOCUMENTS;
const STOP_AFTER_DOCUMENTS = BATCH_DOCUMENTS;
const POLL_MS = 50;

const binDir = postgresBinDir();

interface StoredDocument {
  file_name: string;
  sha256: string;
  parse_status: string;
  articles: number;
  comments: number;
  jobs: number;
}

/** Per document: its article count, its comments and their jobs (one row per comment's job). */
async function storedDocuments(url: string): Promise<StoredDocument[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<StoredDocument>(`
      select d.file_name, d.sha256, d.parse_status,
        (select count(*)::int from articles a where a.document_id = d.id) as articles,
        (select count(*)::int from comments c join articles a on a.id = c.article_id
          where a.document_id = d.id) as comments,
        (select count(*)::int from classification_jobs j join comments c on c.id = j.comment_id
          join articles a on a.id = c.article_id where a.document_id = d.id) as jobs
      from documents d order by d.file_name`);
    return rows;
  } finally {
    await client.end();
  }
}

/** Rows that belong to no document: articles, comments, jobs (the schema's foreign keys say 0). */
async function orphans(url: string): Promise<Record<string, number>> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, number>>(`
      select
        (select count(*)::int from articles a
          where not exists (select 1 from documents d where d.id = a.document_id)) as articles,
        (select count(*)::int from comments c
          where not exists (select 1 from articles a where a.id = c.article_id)) as comments,
        (select count(*)::int from classification_jobs j
          where not exists (select 1 from comments c where c.id = j.comment_id)) as jobs`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

async function documentCount(url: string): Promise<number> {
  const client = new pg.Client(url);
  client.on('error', () => {}); // the server may be stopping under it
  try {
    await client.connect();
    const { rows } = await client.query<{ count: number }>(
      'select count(*)::int as count from documents'
    );
    return rows[0]!.count;
  } catch {
    return 0; // not migrated yet
  } finally {
    await client.end().catch(() => {});
  }
}

describe('PostgreSQL stopped in the middle of an ingest', () => {
  let server: PrivatePostgres;
  let folder: string;
  let referenceUrl: string;
  /** File name → the number of comments the parser finds in it. */
  const parsedComments = new Map<string, number>();
  let interrupted: CliResult;
  let storedBeforeRerun: StoredDocument[];
  const ingestEnv = (url: string) => ({ DATABASE_URL: url, THREADWATCH_DATA_DIR: folder });

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'threadwatch-restart-'));
    for (let page = 1; page <= PAGES; page += 1) {
      const fileName = `page-${String(page).padStart(3, '0')}.txt`;
      const bytes = manyCommentsPage(120 - (page % 20), {
        title: `Ferry Fares to Rise, Part ${page}`,
        text: (index) => `Page ${page}, comment ${index + 1}: fair enough.`
      });
      writeFileSync(join(folder, fileName), bytes);
      parsedComments.set(fileName, parseDocument(bytes).comments.length);
    }
    server = await startPrivatePostgres(binDir!);
    const admin = new pg.Client(server.url);
    await admin.connect();
    await admin.query('create database reference');
    await admin.end();
    referenceUrl = server.url.replace(/\/threadwatch$/, '/reference');
  }, 120_000);

  afterAll(async () => {
    await server?.remove();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('the interrupted ingest fails with one line about the lost connection', async () => {
    const ingest = runCli(['ingest', folder], { env: ingestEnv(server.url) });
    let exited = false;
    void ingest.finally(() => (exited = true));
    while (!exited && (await documentCount(server.url)) < STOP_AFTER_DOCUMENTS)
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    expect(exited, 'the ingest finished before the server could be stopped').toBe(false);
    await server.stop();
    interrupted = await ingest;
    await server.start();

    expect(interrupted.code).toBe(1);
    const lines = interrupted.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^threadwatch: Lost the connection to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/threadwatch \(.+\)\. .*run the same command again to finish\.$/
    );
    expect(interrupted.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(lines.length).toBeLessThanOrEqual(2); // at most pg's idle-connection warning besides
  }, 120_000);

  it('every document it stored is complete, and nothing else was written', async () => {
    storedBeforeRerun = await storedDocuments(server.url);
    expect(storedBeforeRerun.length).toBeGreaterThanOrEqual(STOP_AFTER_DOCUMENTS);
    expect(storedBeforeRerun.length).toBeLessThan(PAGES);
    for (const document of storedBeforeRerun) {
      const comments = parsedComments.get(document.file_name)!;
      expect(comments).toBeGreaterThan(100);
      expect(document).toMatchObject({
        parse_status: 'parsed',
        articles: 1,
        comments,
        jobs: comments
      });
    }
    expect(await orphans(server.url)).toEqual({ articles: 0, comments: 0, jobs: 0 });
  });

  it('running it again stores exactly the rest, the others reported as already stored', async () => {
    const rerun = await runCli(['ingest', folder], { env: ingestEnv(server.url) });
    // Nothing but the note a bulk load of this size prints after its ANALYZE.
    expect(rerun.stderr).toMatch(
      /^(ingest: refreshed the planner statistics after a bulk load\n)?$/
    );
    expect(rerun.code).toBe(0);
    const already = storedBeforeRerun.length;
    const rest = [...parsedComments]
      .filter(([fileName]) => !storedBeforeRerun.some((stored) => stored.file_name === fileName))
      .reduce((sum, [, comments]) => sum + comments, 0);
    expect(rerun.stdout.trim().split('\n').at(-1)).toBe(
      `${PAGES} files: ${PAGES - already} stored (${rest} comments), ${already} already stored, 0 failed`
    );
  }, 120_000);

  it('leaves the database as one uninterrupted ingest of the folder does', async () => {
    const clean = await runCli(['ingest', folder], { env: ingestEnv(referenceUrl) });
    expect(clean.code).toBe(0);
    const reference = await storedDocuments(referenceUrl);
    expect(reference).toHaveLength(PAGES);
    expect(await storedDocuments(server.url)).toEqual(reference);
    expect(await orphans(server.url)).toEqual({ articles: 0, comments: 0, jobs: 0 });
    // And the reference is what the parser finds in each file.
    for (const document of reference) {
      const comments = parsedComments.get(document.file_name)!;
      expect(document).toMatchObject({ articles: 1, comments, jobs: comments });
    }
    expect(new Set(reference.map((document) => document.sha256)).size).toBe(PAGES);
  }, 120_000);
});
