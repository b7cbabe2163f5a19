/**
 * The users table on the settings page: each user with their last sign-in and how many
 * live API tokens they hold, in one query (a correlated count, cheap per user).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { USER_COLUMNS, type User } from './users.repository';

export interface UserOverview extends User {
  lastSignInAt: Date | null;
  /** Not revoked; they still stop working while the user is disabled. */
  activeTokens: number;
}

export async function listUserOverview(db: Kysely<Schema>): Promise<UserOverview[]> {
  const rows = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .select((eb) => [
      'users.last_sign_in_at as lastSignInAt',
      eb
        .selectFrom('api_tokens')
        .select((count) => count.fn.countAll<string>().as('count'))
        .whereRef('api_tokens.user_id', '=', 'users.id')
        .where('api_tokens.revoked_at', 'is', null)
        .as('activeTokens')
    ])
    .orderBy('users.id')
    .execute();
  return rows.map((row) => ({ ...row, activeTokens: Number(row.activeTokens ?? 0) }));
}
