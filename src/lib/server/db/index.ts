export { createDb, DEFAULT_DATA_DIR } from './database';
export type { Database, DatabaseOptions, Engine } from './database';
export {
  DatabaseConnectionError,
  DatabaseInUseError,
  isConnectionLost,
  isUniqueViolation
} from './errors';
export type { LockHolder } from './errors';
export { knownMigrations, migrateDownAll, migrateToLatest, MigrationFailedError } from './migrate';
export { IN_MEMORY } from './open-pglite';
export type { Schema } from './schema';
