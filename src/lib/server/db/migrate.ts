/**
 * Runs the migrations in migrations/ with kysely's Migrator. It takes a lock in the database
 * (an advisory lock on PostgreSQL), so processes starting together migrate once.
 */
import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from 'kysely';
import { migrationProvider } from './migrations';

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    /** The migration that failed, when the failure was in one. */
    readonly migration: string | undefined,
    options: { cause: unknown }
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      migration
        ? `Database migration ${migration} failed and was rolled back: ${reason}`
        : `Database migrations could not run: ${reason}`,
      options
    );
  }
}

/** Applies every pending migration; returns the names of those that ran (empty: up to date). */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  return applied(await migratorFor(db).migrateToLatest());
}

/** Reverts every migration, leaving an empty schema (tests and `cli migrate --reset`). */
export async function migrateDownAll<DB>(db: Kysely<DB>): Promise<string[]> {
  return applied(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}

/** Names of all migrations this build knows, in the order they run. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

function migratorFor<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
