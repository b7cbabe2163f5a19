/** The embedded engine: PGlite with its files in a local directory, or in memory. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import type { Database } from './database';
import { createPGliteDialect } from './pglite-dialect';
import type { Schema } from './schema';
import { pgliteTypeParsers } from './type-parsers';

/** PGlite's own spelling for "keep everything in memory" (tests, throwaway runs). */
export const IN_MEMORY = 'memory://';

/** pg_trgm backs the moderation queue's text search (a trigram index serves ILIKE). */
const extensions = { pg_trgm };

export async function openPGlite(dataDir: string): Promise<Database> {
  if (dataDir === IN_MEMORY) {
    return wrap(
      await PGlite.create({ parsers: pgliteTypeParsers, extensions }),
      'in-memory PGlite',
      null
    );
  }
  const absoluteDir = resolve(dataDir);
  await mkdir(absoluteDir, { recursive: true });
  const lock = await lockDataDir(absoluteDir, dataDir);
  try {
    const pglite = await PGlite.create({
      dataDir: absoluteDir,
      parsers: pgliteTypeParsers,
      extensions
    });
    return wrap(pglite, `embedded PGlite in ${dataDir}`, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function wrap(pglite: PGlite, describe: string, lock: DataDirLock | null): Database {
  const db = new Kysely<Schema>({ dialect: createPGliteDialect(pglite) });
  let closing: Promise<void> | undefined;
  return {
    db,
    engine: 'pglite',
    describe,
    close() {
      // destroy() waits for the query in progress, then closes PGlite; only then unlock.
      closing ??= db.destroy().finally(() => lock?.release());
      return closing;
    }
  };
}
