import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  knownMigrations,
  migrateDownAll,
  migrateToLatest,
  MigrationFailedError
} from '../../src/lib/server/db';
import { describeEachEngine } from '../helpers/test-databases';

const corpusTables = ['articles', 'comments', 'documents'];

describeEachEngine(
  'migrations',
  (database) => {
    const tableNames = async () =>
      (await database().db.introspection.getTables()).map((table) => table.name).sort();

    it('migrate an empty database to the latest schema, then find nothing left to do', async () => {
      const all = await knownMigrations();
      expect(all[0]).toBe('2026-11-23-0001-initial');
      expect(await migrateToLatest(database().db)).toEqual(all);
      expect(await tableNames()).toEqual(expect.arrayContaining(corpusTables));
      expect(await migrateToLatest(database().db)).toEqual([]);
    });

    it('migrate down to an empty schema and up again', async () => {
      const all = await knownMigrations();
      expect(await migrateDownAll(database().db)).toEqual([...all].reverse());
      expect(await tableNames()).not.toEqual(expect.arrayContaining(['documents']));
      expect(await migrateToLatest(database().db)).toEqual(all);
      expect(await tableNames()).toEqual(expect.arrayContaining(corpusTables));
    });

    it('report a failing migration by name and roll it back', async () => {
      await migrateDownAll(database().db);
      // A leftover table of the same name makes the initial migration fail half way.
      await sql`create table comments (id integer)`.execute(database().db);
      const failure = await migrateToLatest(database().db).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationFailedError);
      expect((failure as MigrationFailedError).migration).toBe('2026-11-23-0001-initial');
      expect((failure as Error).message).toMatch(/2026-11-23-0001-initial failed.*comments/);
      expect(await tableNames()).not.toContain('documents');
      await sql`drop table comments`.execute(database().db);
      expect(await migrateToLatest(database().db)).toEqual(await knownMigrations());
    });
  },
  { migrate: false }
);
