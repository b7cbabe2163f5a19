/**
 * lexicon_entries (entries admins added, whole) and lexicon_edits (changes layered on any
 * entry, shipped or added). Both are read back through the lexicon's zod schema by
 * lexicon-in-force.ts; nothing here validates.
 */
import { sql, type Kysely } from 'kysely';
import type { LexiconEntry } from '../classify/lexicon/entries';
import type { Schema } from '../db/schema';

export interface AddedEntryRow {
  entry: LexiconEntry;
  addedBy: string | null;
  addedAt: Date;
}

export interface LexiconEditRow {
  entryId: string;
  disabled: boolean | null;
  explanation: string | null;
  weights: LexiconEntry['weights'] | null;
  updatedBy: string | null;
  updatedAt: Date;
}

export async function listAddedEntries(db: Kysely<Schema>): Promise<AddedEntryRow[]> {
  return db
    .selectFrom('lexicon_entries')
    .leftJoin('users', 'users.id', 'lexicon_entries.created_by')
    .select([
      'lexicon_entries.entry',
      'users.name as addedBy',
      'lexicon_entries.created_at as addedAt'
    ])
    .orderBy('lexicon_entries.created_at')
    .orderBy('lexicon_entries.id')
    .execute();
}

export async function listLexiconEdits(db: Kysely<Schema>): Promise<LexiconEditRow[]> {
  return db
    .selectFrom('lexicon_edits')
    .leftJoin('users', 'users.id', 'lexicon_edits.updated_by')
    .select([
      'lexicon_edits.entry_id as entryId',
      'lexicon_edits.disabled',
      'lexicon_edits.explanation',
      'lexicon_edits.weights',
      'users.name as updatedBy',
      'lexicon_edits.updated_at as updatedAt'
    ])
    .orderBy('lexicon_edits.entry_id')
    .execute();
}

/** False when an entry with this id was added meanwhile (the primary key refused it). */
export async function insertLexiconEntry(
  db: Kysely<Schema>,
  entry: LexiconEntry,
  userId: number | null
): Promise<boolean> {
  const result = await db
    .insertInto('lexicon_entries')
    .values({
      id: entry.id,
      // Explicit cast of JSON text, as for every jsonb column (see classify/jobs/complete.ts).
      entry: sql<string>`cast(${JSON.stringify(entry)} as jsonb)`,
      created_by: userId
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Sets one field of an entry's edit, keeping the others it already has. */
export async function upsertLexiconEdit(
  db: Kysely<Schema>,
  change: { entryId: string; userId: number | null } & (
    { disabled: boolean } | { explanation: string }
  )
): Promise<void> {
  const field =
    'disabled' in change ? { disabled: change.disabled } : { explanation: change.explanation };
  await db
    .insertInto('lexicon_edits')
    .values({ entry_id: change.entryId, updated_by: change.userId, ...field })
    .onConflict((conflict) =>
      conflict
        .column('entry_id')
        .doUpdateSet({ ...field, updated_by: change.userId, updated_at: new Date() })
    )
    .execute();
}
