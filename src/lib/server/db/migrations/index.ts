/**
 * Every migration, by name. A static list because the migrations must load the same way
 * under tsx (CLI), vite (app) and vitest, where reading the folder at runtime does not work.
 * Names sort in the order they run: add new ones at the end with a later date prefix.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-23-0001-initial';

const migrations: Record<string, Migration> = {
  '2026-11-23-0001-initial': initial
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations
};
