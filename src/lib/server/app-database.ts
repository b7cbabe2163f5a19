/**
 * The database the web app uses. `cli serve` opens it (and holds the embedded database's
 * lock) before loading the built app, and hands it over here through a global registry,
 * because the built server bundle has its own copy of this module. Under `vite dev` nothing
 * hands one over, so the app opens and migrates its own.
 */
import { config } from './config';
import { createDb, migrateToLatest, type Database } from './db';

const REGISTRY = Symbol.for('threadwatch.appDatabase');

type Registry = { [REGISTRY]?: Promise<Database> };

export function provideAppDatabase(database: Database): void {
  (globalThis as Registry)[REGISTRY] = Promise.resolve(database);
}

export function appDatabase(): Promise<Database> {
  const registry = globalThis as Registry;
  registry[REGISTRY] ??= openOwnDatabase();
  return registry[REGISTRY];
}

async function openOwnDatabase(): Promise<Database> {
  const { databaseUrl, dataDir } = config();
  const database = await createDb({ databaseUrl, dataDir: `${dataDir}/pglite` });
  await migrateToLatest(database.db);
  return database;
}
