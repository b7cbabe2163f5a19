/** Opens the configured database for a CLI command and migrates it to the latest schema. */
import { config } from '../lib/server/config';
import { createDb, migrateToLatest, type Database } from '../lib/server/db';

export async function openMigratedDatabase(): Promise<Database> {
  const { databaseUrl, dataDir } = config();
  const database = await createDb({ databaseUrl, dataDir: `${dataDir}/pglite` });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Runs `work` with an open database and always closes it (releasing the embedded lock). */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
