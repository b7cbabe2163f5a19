/**
 * The recent user and token events shown under the users and tokens pages, as sentences.
 * Details come from user-admin.ts, token-admin.ts and own-account.ts, which never put a
 * password, hash or token secret in them.
 */
import type { Kysely } from 'kysely';
import { listAuditEvents, type AuditEvent } from '../audit';
import type { Schema } from '../db/schema';

export interface AccountEventLine {
  id: number;
  at: Date;
  /** Who did it; "the command line" when no one was signed in. */
  actor: string;
  text: string;
}

/** Newest first, from every prefix given ('user.', 'token.'). */
export async function recentAccountEvents(
  db: Kysely<Schema>,
  prefixes: readonly string[],
  limit = 30
): Promise<AccountEventLine[]> {
  const lists = await Promise.all(
    prefixes.map((prefix) => listAuditEvents(db, { action: prefix, limit }))
  );
  return lists
    .flat()
    .sort((a, b) => b.id - a.id)
    .slice(0, limit)
    .map((event) => ({
      id: event.id,
      at: event.createdAt,
      actor: event.userName ?? 'the command line',
      text: describeAccountEvent(event)
    }));
}

export function describeAccountEvent({ action, detail }: AuditEvent): string {
  const target = String(detail.target ?? `user ${String(detail.targetId)}`);
  const ended = Number(detail.sessionsEnded ?? 0);
  const sessions = ended > 0 ? ` (${ended} session${ended === 1 ? '' : 's'} ended)` : '';
  switch (action) {
    case 'user.add':
      return `added ${target} as ${String(detail.role)}`;
    case 'user.role':
      return `changed ${target}'s role from ${String(detail.from)} to ${String(detail.to)}`;
    case 'user.disable':
      return `disabled ${target}${sessions}`;
    case 'user.enable':
      return `enabled ${target}`;
    case 'user.password_reset':
      return `reset ${target}'s password${sessions}`;
    case 'user.password_change':
      return `changed their own password${sessions}`;
    case 'user.sign_out_others':
      return `signed out of their other sessions${sessions}`;
    case 'token.create':
      return `created API token "${String(detail.name)}" for ${target}`;
    case 'token.revoke':
      return `revoked API token "${String(detail.name)}" of ${target}`;
    default:
      return action;
  }
}
