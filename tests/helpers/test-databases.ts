/**
 * Runs a storage suite against every engine: embedded PGlite always (in memory, fresh per
 * test file), and PostgreSQL when DATABASE_URL is set, in a database created for the test
 * file (`tw_test_<random>`) and dropped after it. Without DATABASE_URL the PostgreSQL suite
 * shows as skipped, with the reason in its title.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  createDb,
  IN_MEMORY,
  migrateToLatest,
  type Database,
  type Engine
} from '../../src/lib/server/db';

export interface EngineSuiteOptions {
  /** Leave the schema empty (migration tests); default: migrated to the latest. */
  migrate?: boolean;
  /** Only these engines (e.g. concurrency that needs several connections); default: all. */
  engines?: readonly Engine[];
}

interface TestEngine {
  engine: Engine;
  skipReason: string | null;
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const serverUrl = process.env.DATABASE_URL?.trim() || undefined;

const testEngines: TestEngine[] = [
  {
    engine: 'pglite',
    skipReason: null,
    open: async () => {
      const database = await createDb({ dataDir: IN_MEMORY });
      return { database, dispose: () => database.close() };
    }
  },
  {
    engine: 'postgres',
    skipReason: serverUrl ? null : 'skipped: set DATABASE_URL to run against PostgreSQL',
    open: () => openScratchPostgres(serverUrl!)
  }
];

/** `describe` once per engine; `database()` is the open, (by default) migrated database. */
export function describeEachEngine(
  title: string,
  suite: (database: () => Database) => void,
  { migrate = true, engines }: EngineSuiteOptions = {}
): void {
  for (const testEngine of testEngines) {
    if (engines !== undefined && !engines.includes(testEngine.engine)) continue;
    const label = [testEngine.engine, testEngine.skipReason].filter(Boolean).join(', ');
    describe.skipIf(testEngine.skipReason !== null)(`${title} [${label}]`, () => {
      let opened: Awaited<ReturnType<TestEngine['open']>> | undefined;
      beforeAll(async () => {
        opened = await testEngine.open();
        if (migrate) await migrateToLatest(opened.database.db);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      suite(() => {
        if (!opened)
          throw new Error('The test database is not open yet (use it inside a test or hook)');
        return opened.database;
      });
    });
  }
}

/** A fresh database on the server, its URL (for child processes) and how to drop it. */
export async function openScratchPostgres(
  serverUrl: string
): Promise<{ url: string; database: Database; dispose(): Promise<void> }> {
  const name = `tw_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const scratchUrl = new URL(serverUrl);
  scratchUrl.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: scratchUrl.toString() });
  return {
    url: scratchUrl.toString(),
    database,
    dispose: async () => {
      await database.close();
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    }
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Empties the corpus tables between tests (ids restart, so tests can't depend on leftovers). */
export async function emptyCorpus(database: Database): Promise<void> {
  await sql`truncate table comments, articles, documents restart identity cascade`.execute(
    database.db
  );
}
