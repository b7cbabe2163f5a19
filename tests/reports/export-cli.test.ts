/**
 * `cli export` as a person runs it, on an embedded database: the CSV file appears complete
 * with the filtered rows and the export is in the audit trail; a bad filter exits 1 with one
 * line and leaves an existing file untouched.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/server/db/schema';
import { createDb, migrateToLatest } from '../../src/lib/server/db';
import { recentExports } from '../../src/lib/server/reports';
import { storeReportFixture, type ReportFixture } from '../helpers/report-fixture';
import { runCli } from '../helpers/run-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'threadwatch-export-cli-'));
const cli = (args: string[]) => runCli(args, { dataDir });

async function withFixtureDatabase<T>(work: (db: Kysely<Schema>) => Promise<T>): Promise<T> {
  const database = await createDb({ dataDir: `${dataDir}/pglite` });
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

describe('cli export', () => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await withFixtureDatabase((db) => storeReportFixture(db));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the filtered CSV and records the export', async () => {
    const out = join(dataDir, 'removed.csv');
    const result = await cli([
      'export',
      '--format',
      'csv',
      '--out',
      out,
      '--status',
      'removed',
      '--outlet',
      'Daily Planet',
      '--batch-size',
      '1'
    ]);
    expect(result.stderr).toBe(`exported 2 comments to ${out} (csv)\n`);
    expect(result.code).toBe(0);
    const records: Array<Record<string, string>> = parse(readFileSync(out), {
      bom: true,
      columns: true
    });
    expect(records.map((record) => Number(record.comment_id))).toEqual([
      fixture.ids.removed,
      fixture.ids.reRemoved
    ]);
    expect(existsSync(`${out}.partial-${process.pid}`)).toBe(false);
    const [latest] = await withFixtureDatabase((db) => recentExports(db, 1));
    expect(latest).toMatchObject({
      user: null,
      format: 'csv',
      filter: { outlet: 'Daily Planet', status: 'removed' },
      rows: 2,
      via: 'cli'
    });
  }, 120_000);

  it('refuses a bad filter with one line, keeping an earlier file', async () => {
    const out = join(dataDir, 'earlier.csv');
    writeFileSync(out, 'an earlier export');
    const result = await cli(['export', '--format', 'csv', '--out', out, '--from', '2024-02-31']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'threadwatch: from: "2024-02-31" is not a date: use YYYY-MM-DD or an ISO 8601 time such as 2024-05-01T12:00:00Z\n'
    );
    expect(readFileSync(out, 'utf8')).toBe('an earlier export');
    const unknownUser = await cli(['export', '--format', 'json', '--out', out, '--as', 'nobody']);
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stderr).toBe('threadwatch: no user named nobody\n');
    expect(readFileSync(out, 'utf8')).toBe('an earlier export');
  }, 120_000);
});
