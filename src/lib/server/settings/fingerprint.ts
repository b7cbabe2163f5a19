/**
 * A cheap summary of everything the settings pages store that changes classification:
 * row counts and the latest change time of label_thresholds, lexicon_entries and
 * lexicon_edits. Workers compare it before each batch and rebuild their classifier only
 * when it differs, so an edit made in the app (or on another machine against the same
 * PostgreSQL) reaches every worker's next batch without reloading any model.
 *
 * Counts catch deletions (a reset threshold); times catch updates in place.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

/** The fingerprint as an SQL expression, for a query that compares it with a stored one. */
export const settingsFingerprintSql = sql<string>`concat_ws('|',
  (select count(*) || '@' || coalesce(max(updated_at)::text, '') from label_thresholds),
  (select count(*) || '@' || coalesce(max(created_at)::text, '') from lexicon_entries),
  (select count(*) || '@' || coalesce(max(updated_at)::text, '') from lexicon_edits)
)`;

export async function settingsFingerprint(db: Kysely<Schema>): Promise<string> {
  const { rows } = await sql<{
    fingerprint: string;
  }>`select ${settingsFingerprintSql} as fingerprint`.execute(db);
  return rows[0]!.fingerprint;
}
