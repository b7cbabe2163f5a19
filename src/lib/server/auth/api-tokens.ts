/**
 * API tokens for scripts: `Authorization: Bearer tw_…`. The token is returned once, when
 * created; the database keeps its SHA-256. A token acts with its user's role, and stops
 * working when revoked or when the user is disabled.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { digestSecret, newSecret } from './secret-tokens';
import type { User } from './users.repository';

export const API_TOKEN_PREFIX = 'tw_';

export interface ApiTokenSummary {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function createApiToken(
  db: Kysely<Schema>,
  userId: number,
  name: string
): Promise<{ id: number; token: string }> {
  // The prefix lets secret scanners and people recognise a threadwatch token.
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const { id } = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: digestSecret(token) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, token };
}

/** Revoking twice keeps the first date. True when a live token was revoked. */
export async function revokeApiToken(db: Kysely<Schema>, id: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listApiTokens(
  db: Kysely<Schema>,
  userId: number
): Promise<ApiTokenSummary[]> {
  return db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'created_at as createdAt',
      'last_used_at as lastUsedAt',
      'revoked_at as revokedAt'
    ])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** The user a live token belongs to, recording its use; undefined for anything else. */
export async function userForApiToken(
  db: Kysely<Schema>,
  token: string
): Promise<User | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as tokenId',
      'users.id',
      'users.name',
      'users.role',
      'users.created_at as createdAt',
      'users.disabled_at as disabledAt'
    ])
    .where('api_tokens.token_hash', '=', digestSecret(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { tokenId, ...user } = row;
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date() })
    .where('id', '=', tokenId)
    .execute();
  return user;
}

/** The token in an `Authorization: Bearer …` header, if any. */
export function bearerToken(authorization: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
