/**
 * The embedded database runs every query on the server's one thread. Queries waiting for it
 * must not hold that thread between them: the event loop gets a turn before each one, so
 * the server keeps accepting and answering requests while a queue of queries drains (under
 * 50 moderators, a drain held it for 300–800 ms at a time and the queue page's p99 was 8 s).
 */
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/lib/server/db';

const QUERIES = 40;

describe('queries queued on the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'threadwatch-turns-'));
  let database: Database;

  beforeAll(async () => {
    database = await createDb({ dataDir: join(root, 'pglite') });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('let a timer run between them, long before the last is done', async () => {
    let done = 0;
    const queued = Array.from({ length: QUERIES }, () =>
      sql`select count(*) from generate_series(1, 20000)`
        .execute(database.db)
        .then(() => (done += 1))
    );
    const doneWhenTimerRan = new Promise<number>((resolve) => setTimeout(() => resolve(done), 0));
    await Promise.all(queued);
    expect(done).toBe(QUERIES);
    expect(await doneWhenTimerRan).toBeLessThan(QUERIES / 4);
  });
});
