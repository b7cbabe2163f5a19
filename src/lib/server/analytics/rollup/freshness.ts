/**
 * Whether the rollup still counts what the tables hold, in one query of index probes.
 *
 * Every write that changes a count leaves a time or an id behind: a verdict its scored_at,
 * a decision (and with it comment_moderation) its created_at, an ingest its document's
 * ingested_at and new comment ids; a threshold change, which re-flags stored verdicts in
 * SQL without re-scoring them, changes the settings fingerprint.
 *
 * Why "anything since changes_since" and not "max(scored_at) grew": those times are each
 * writer's transaction start (now()), and a worker that began before the build but
 * committed after it writes times older than what the build saw. changes_since is the
 * start of the oldest transaction open when the build began (rebuild.ts), so such a write
 * still counts as new. The price: writes the build did see may also be newer than it,
 * which only costs another rebuild.
 *
 * "Any since" is written as max(…) >= changes_since, one probe of each time's index: as
 * EXISTS with the stored time, the planner assumed a third of the rows qualify and scanned
 * comment_scores from the start (460 ms at a million verdicts, none new).
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { settingsFingerprintSql } from '../../settings/fingerprint';
import type { ChangeMarks } from './changed-articles';

export interface RollupState extends ChangeMarks {
  builtAt: Date;
  /** Something changed since the build: the rollup may be out of date. */
  stale: boolean;
  /** The thresholds or lexicon changed: every verdict may be re-flagged. */
  settingsChanged: boolean;
}

/** null: never built. */
export async function rollupState(db: Kysely<Schema>): Promise<RollupState | null> {
  const settingsChanged = sql<boolean>`${settingsFingerprintSql} <> st.settings_fingerprint`;
  const { rows } = await sql<RollupState>`
    select st.built_at as "builtAt", st.changes_since as "changesSince",
      st.max_comment_id as "maxCommentId", ${settingsChanged} as "settingsChanged", (
      -- coalesce: an empty table's max is null, and null or false is null, not false.
      coalesce((select max(scored_at) from comment_scores) >= st.changes_since, false)
      or coalesce((select max(created_at) from decisions) >= st.changes_since, false)
      or coalesce((select max(ingested_at) from documents) >= st.changes_since, false)
      or (select max(id) from comments) is distinct from st.max_comment_id
      or ${settingsChanged}
    ) as stale
    from rollup_state st where st.id = 1`.execute(db);
  return rows[0] ?? null;
}
