/** `migrate`: bring the configured database to the latest schema. */
import type { Command } from 'commander';
import { config } from '../../lib/server/config';
import { createDb, migrateToLatest } from '../../lib/server/db';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const { databaseUrl, dataDir } = config();
      const database = await createDb({ databaseUrl, dataDir: `${dataDir}/pglite` });
      try {
        const applied = await migrateToLatest(database.db);
        const names = applied.length > 0 ? applied.join(', ') : 'none, already up to date';
        process.stdout.write(`migrated ${database.describe}: ${names}\n`);
      } finally {
        await database.close();
      }
    });
}
