/**
 * A rollup to serve: the current one, rebuilt first when something changed since it was
 * built. One rebuild at a time (a transaction-scoped advisory lock): a request that finds
 * another one rebuilding serves the previous rollup, marked with the time it was built,
 * rather than queueing behind it; only when there is no rollup at all does it wait for the
 * first build, which is still faster than the live queries.
 *
 * A rebuild redoes only the articles whose comments changed (changed-articles.ts), or all
 * of them after a settings change, which may re-flag any verdict.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { rollupState } from './freshness';
import { changedArticles } from './changed-articles';
import { rebuildRollup } from './rebuild';

/** Any fixed key, unique among this app's advisory locks ('tw_rollup' in ASCII). */
export const REBUILD_LOCK = sql.lit(0x74775f726f6c6c);

export interface ServedRollup {
  builtAt: Date;
  /** false: another request is rebuilding it; the counts are as of builtAt. */
  current: boolean;
}

export async function currentRollup(db: Kysely<Schema>): Promise<ServedRollup> {
  const previous = await rollupState(db);
  if (previous !== null && !previous.stale) return { builtAt: previous.builtAt, current: true };
  const rebuilt = await db.transaction().execute(async (trx) => {
    if (previous === null) {
      await sql`select pg_advisory_xact_lock(${REBUILD_LOCK})`.execute(trx);
    } else {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_xact_lock(${REBUILD_LOCK}) as locked`.execute(trx);
      if (!rows[0]!.locked) return null;
    }
    // Whoever held the lock before may have just rebuilt it.
    const state = await rollupState(trx);
    if (state !== null && !state.stale) return state.builtAt;
    if (state === null || state.settingsChanged) return rebuildRollup(trx);
    return rebuildRollup(trx, await changedArticles(trx, state));
  });
  return rebuilt === null
    ? { builtAt: previous!.builtAt, current: false }
    : { builtAt: rebuilt, current: true };
}
