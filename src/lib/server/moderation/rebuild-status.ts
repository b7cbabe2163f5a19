/**
 * comment_moderation is a cache: everything in it follows from the decisions log. This
 * recomputes it from the log alone, to repair it and to prove (in tests) that the cache
 * and the derivation agree.
 *
 * The derivation: applied decisions (not conflicts) form a stack per comment; an undo pops
 * the decision it names. So the status is the outcome of the latest applied decision that
 * is neither an undo nor undone, or pending when there is none; the version counts applied
 * decisions (undos included, each moved the status); the last decision is the latest
 * applied one. Comments known to the log only through conflicts keep pending, version 0.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export async function rebuildModerationStatus(db: Kysely<Schema>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Keeps deciders out while the cache is rebuilt; decisions go on after it commits.
    await sql`lock table comment_moderation in exclusive mode`.execute(trx);
    await trx.deleteFrom('comment_moderation').execute();
    await sql`
      insert into comment_moderation (comment_id, status, version, last_decision_id, updated_at)
      select
        logged.comment_id,
        coalesce(
          (select case top.action
                    when 'approve' then 'approved'
                    when 'remove' then 'removed'
                    when 'escalate' then 'escalated'
                  end
           from decisions top
           where top.comment_id = logged.comment_id
             and not top.conflict
             and top.action <> 'undo'
             and not exists (select 1 from decisions u where u.undoes_decision_id = top.id)
           order by top.id desc
           limit 1),
          'pending'
        ),
        count(*) filter (where not logged.conflict),
        max(logged.id) filter (where not logged.conflict),
        coalesce(
          max(logged.created_at) filter (where not logged.conflict),
          min(logged.created_at)
        )
      from decisions logged
      group by logged.comment_id
    `.execute(trx);
  });
}
