/**
 * The general audit log (audit_events): settings changes, users, tokens and exports.
 * Moderation decisions have their own log (moderation/decisions.repository.ts). Rows are
 * append-only; a trigger refuses UPDATE and DELETE.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface AuditEvent {
  id: number;
  userId: number | null;
  userName: string | null;
  action: string;
  detail: Record<string, unknown>;
  createdAt: Date;
}

export interface NewAuditEvent {
  /** Null when done from the CLI or by the system. */
  userId: number | null;
  /** Dotted verb: 'threshold.set', 'lexicon.edit', 'user.add', 'token.revoke', 'export', … */
  action: string;
  detail?: Record<string, unknown>;
}

/** Pass the transaction that makes the change, so the change and its record land together. */
export async function recordAuditEvent(db: Kysely<Schema>, event: NewAuditEvent): Promise<number> {
  const row = await db
    .insertInto('audit_events')
    .values({
      user_id: event.userId,
      action: event.action,
      detail: JSON.stringify(event.detail ?? {})
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Newest first; `action` matches exactly or, ending in '.', as a prefix ('lexicon.'). */
export async function listAuditEvents(
  db: Kysely<Schema>,
  options: { action?: string; limit?: number } = {}
): Promise<AuditEvent[]> {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.user_id')
    .select([
      'audit_events.id',
      'audit_events.user_id as userId',
      'users.name as userName',
      'audit_events.action',
      'audit_events.detail',
      'audit_events.created_at as createdAt'
    ])
    .orderBy('audit_events.id', 'desc')
    .limit(options.limit ?? 100);
  const { action } = options;
  if (action !== undefined)
    query = action.endsWith('.')
      ? query.where('audit_events.action', 'like', `${action.replace(/[\\%_]/g, '\\$&')}%`)
      : query.where('audit_events.action', '=', action);
  return query.execute();
}
