/**
 * The PostgreSQL database a benchmark run works in: the one --database-url names (left as
 * it is), or a fresh `threadwatch_bench_<pid>` on 127.0.0.1:5432 that the run creates,
 * migrates and drops at the end (unless kept).
 */
import pg from 'pg';
import { createDb, migrateToLatest, type Database } from '../lib/server/db';

const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  created: boolean;
  open(): Promise<Database>;
  /** Drops the database when this run created it and was not told to keep it. */
  dispose(): Promise<void>;
}

export async function benchDatabase(
  givenUrl: string | undefined,
  { keep }: { keep: boolean }
): Promise<BenchDatabase> {
  const name = `threadwatch_bench_${process.pid}`;
  const url = givenUrl ?? SERVER_URL.replace(/\/postgres$/, `/${name}`);
  if (!givenUrl) await onServer(`create database ${name}`);
  const database = await createDb({ databaseUrl: url });
  await migrateToLatest(database.db);
  await database.close();
  return {
    url,
    created: !givenUrl,
    open: () => createDb({ databaseUrl: url }),
    async dispose() {
      if (givenUrl) return;
      if (keep) process.stderr.write(`bench: kept ${url}\n`);
      else await onServer(`drop database if exists ${name} with (force)`);
    }
  };
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
