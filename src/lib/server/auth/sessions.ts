/**
 * Browser sessions. The cookie holds a random token; the database keeps only its SHA-256 as
 * the session id. Every login makes a new token (never reusing one the browser brought),
 * which is what defeats session fixation. Expiry slides: a session in use stays alive,
 * one left alone for SESSION_TTL_MS ends.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { digestSecret, newSecret } from './secret-tokens';
import type { User } from './users.repository';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Touch a session at most this often, so a busy page doesn't write on every request. */
const RENEW_AFTER_MS = 60 * 1000;

export interface NewSession {
  /** For the cookie; not stored anywhere on the server. */
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<Schema>,
  userId: number,
  now = new Date()
): Promise<NewSession> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({
      id: digestSecret(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt
    })
    .execute();
  return { token, expiresAt };
}

export interface ValidSession {
  user: User;
  expiresAt: Date;
  /** The expiry moved: the cookie should be set again with the new date. */
  renewed: boolean;
}

/** The signed-in user for a cookie token; undefined when unknown, expired or disabled. */
export async function validateSession(
  db: Kysely<Schema>,
  token: string,
  now = new Date()
): Promise<ValidSession | undefined> {
  const id = digestSecret(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.name',
      'users.role',
      'users.created_at as createdAt',
      'users.disabled_at as disabledAt',
      'sessions.expires_at as expiresAt',
      'sessions.last_seen_at as lastSeenAt'
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expiresAt <= now || row.disabledAt !== null) {
    await deleteSession(db, token);
    return undefined;
  }
  const { expiresAt, lastSeenAt, ...user } = row;
  if (now.getTime() - lastSeenAt.getTime() < RENEW_AFTER_MS) {
    return { user, expiresAt, renewed: false };
  }
  const renewedUntil = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: renewedUntil })
    .where('id', '=', id)
    .execute();
  return { user, expiresAt: renewedUntil, renewed: true };
}

/** Logout: the row goes, so the token is worthless even if the cookie survives somewhere. */
export async function deleteSession(db: Kysely<Schema>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digestSecret(token)).execute();
}

/**
 * Ends every session of a user (disabling, a password reset), or every one but the session
 * whose cookie token is `keepToken` (changing your own password, "sign out elsewhere").
 * The number of sessions ended.
 */
export async function deleteUserSessions(
  db: Kysely<Schema>,
  userId: number,
  keepToken?: string
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken !== undefined) query = query.where('id', '!=', digestSecret(keepToken));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Live sessions of a user other than the one with `currentToken`: "signed in elsewhere". */
export async function countOtherSessions(
  db: Kysely<Schema>,
  userId: number,
  currentToken: string,
  now = new Date()
): Promise<number> {
  const { count } = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('id', '!=', digestSecret(currentToken))
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(count);
}
