/**
 * API tokens as admins manage them (the tokens page, `cli token`): create for any active
 * user, revoke, list them all with their owners. Each change is audited in the same
 * transaction; the secret never reaches the audit log, only the token's id and name.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAuditEvent } from '../audit';
import type { Schema } from '../db/schema';
import { AccountError } from './accounts';
import { createApiToken, revokeApiToken } from './api-tokens';
import type { Actor } from './user-admin';

export const TokenNameSchema = z
  .string()
  .trim()
  .min(1, 'name the token after what it is for, e.g. "nightly export"')
  .max(100, 'a token name has at most 100 characters');

export interface TokenOverview {
  id: number;
  name: string;
  ownerId: number;
  owner: string;
  ownerDisabled: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Live tokens first, newest first within each group. */
export async function listAllApiTokens(db: Kysely<Schema>): Promise<TokenOverview[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'users.id as ownerId',
      'users.name as owner',
      'users.disabled_at as ownerDisabledAt',
      'api_tokens.created_at as createdAt',
      'api_tokens.last_used_at as lastUsedAt',
      'api_tokens.revoked_at as revokedAt'
    ])
    .orderBy((eb) => eb('api_tokens.revoked_at', 'is not', null))
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map(({ ownerDisabledAt, ...row }) => ({
    ...row,
    ownerDisabled: ownerDisabledAt !== null
  }));
}

/** The `tw_…` secret is in the result only: show it once. */
export async function createTokenFor(
  db: Kysely<Schema>,
  actor: Actor,
  input: { ownerId: number; name: string }
): Promise<{ id: number; token: string; owner: string; name: string }> {
  const parsedName = TokenNameSchema.safeParse(input.name);
  if (!parsedName.success) throw new AccountError(parsedName.error.issues[0]!.message, 'name');
  const name = parsedName.data;
  return db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('users')
      .select(['id', 'name', 'disabled_at as disabledAt'])
      .where('id', '=', input.ownerId)
      .forShare()
      .executeTakeFirst();
    if (!owner) throw new AccountError('There is no such user.', 'ownerId');
    if (owner.disabledAt !== null) {
      throw new AccountError(`${owner.name} is disabled: enable them first.`, 'ownerId');
    }
    const created = await createApiToken(trx, owner.id, name);
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'token.create',
      detail: { tokenId: created.id, name, targetId: owner.id, target: owner.name }
    });
    return { ...created, owner: owner.name, name };
  });
}

/** Requests with the token are refused from the moment this commits. */
export async function revokeTokenAudited(
  db: Kysely<Schema>,
  actor: Actor,
  tokenId: number
): Promise<{ name: string; owner: string }> {
  return db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.name', 'users.id as ownerId', 'users.name as owner'])
      .where('api_tokens.id', '=', tokenId)
      .executeTakeFirst();
    if (!token) throw new AccountError(`There is no token with id ${tokenId}.`);
    if (!(await revokeApiToken(trx, tokenId))) {
      throw new AccountError(`The token "${token.name}" is already revoked.`);
    }
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'token.revoke',
      detail: { tokenId, name: token.name, targetId: token.ownerId, target: token.owner }
    });
    return { name: token.name, owner: token.owner };
  });
}
