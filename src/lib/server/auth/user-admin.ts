/**
 * What an admin does to other people's accounts (the users page; `cli user add` too):
 * add, change role, disable and enable, reset a password. Each change and its audit event
 * land in one transaction. Two rules keep the dashboard administrable:
 *
 * - nobody disables or demotes themselves (they would lock themselves out mid-click);
 * - the last active admin is never disabled or demoted.
 *
 * Both are checked after locking every active admin's row (FOR UPDATE, in id order), so two
 * admins demoting each other at the same moment are serialised: the second one re-reads the
 * admins after the first commits and is refused.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAuditEvent } from '../audit';
import type { Schema } from '../db/schema';
import { AccountError, addUser, RoleSchema, type AddedUser } from './accounts';
import { generatePassword, hashPassword } from './passwords';
import type { Role } from './roles';
import { deleteUserSessions } from './sessions';
import { updatePasswordHash, USER_COLUMNS, type User } from './users.repository';

/** Who makes the change: a signed-in user, or null for the CLI. */
export type Actor = { id: number } | null;

export async function addUserAudited(
  db: Kysely<Schema>,
  actor: Actor,
  input: { name: string; role: string; password?: string }
): Promise<AddedUser> {
  return db.transaction().execute(async (trx) => {
    const added = await addUser(trx, input);
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'user.add',
      detail: {
        ...subject(added.user),
        role: added.user.role,
        passwordGenerated: added.generatedPassword !== undefined
      }
    });
    return added;
  });
}

export async function changeUserRole(
  db: Kysely<Schema>,
  actor: Actor,
  targetId: number,
  role: string
): Promise<User> {
  const parsedRole = RoleSchema.safeParse(role);
  if (!parsedRole.success) throw new AccountError(parsedRole.error.issues[0]!.message, 'role');
  const newRole = parsedRole.data;
  return db.transaction().execute(async (trx) => {
    const { target, activeAdmins } = await lockForChange(trx, actor, targetId);
    if (target.role === newRole) throw new AccountError(`${target.name} is already ${newRole}.`);
    refuseSelf(actor, target, "You can't change your own role: ask another admin.");
    refuseLastAdmin(activeAdmins, target, 'demoted');
    const updated = await updateUser(trx, targetId, { role: newRole });
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'user.role',
      detail: { ...subject(target), from: target.role, to: newRole }
    });
    return updated;
  });
}

/** Disabled: can't sign in, their sessions end now, their API tokens stop working. */
export async function disableUser(
  db: Kysely<Schema>,
  actor: Actor,
  targetId: number
): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const { target, activeAdmins } = await lockForChange(trx, actor, targetId);
    if (target.disabledAt !== null) throw new AccountError(`${target.name} is already disabled.`);
    refuseSelf(actor, target, "You can't disable your own account: ask another admin.");
    refuseLastAdmin(activeAdmins, target, 'disabled');
    const updated = await updateUser(trx, targetId, { disabled_at: new Date() });
    const sessionsEnded = await deleteUserSessions(trx, targetId);
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'user.disable',
      detail: { ...subject(target), sessionsEnded }
    });
    return updated;
  });
}

/** Enabled again: they can sign in, and the tokens nobody revoked work again. */
export async function enableUser(
  db: Kysely<Schema>,
  actor: Actor,
  targetId: number
): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const { target } = await lockForChange(trx, actor, targetId);
    if (target.disabledAt === null) throw new AccountError(`${target.name} is already active.`);
    const updated = await updateUser(trx, targetId, { disabled_at: null });
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'user.enable',
      detail: subject(target)
    });
    return updated;
  });
}

/** A generated password (show it once) replaces theirs; every session of theirs ends. */
export async function resetUserPassword(
  db: Kysely<Schema>,
  actor: Actor,
  targetId: number
): Promise<{ user: User; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { target } = await lockForChange(trx, actor, targetId);
    refuseSelf(actor, target, 'Change your own password on your account page.');
    await updatePasswordHash(trx, targetId, passwordHash);
    const sessionsEnded = await deleteUserSessions(trx, targetId);
    await recordAuditEvent(trx, {
      userId: actor?.id ?? null,
      action: 'user.password_reset',
      detail: { ...subject(target), sessionsEnded }
    });
    return { user: target, password };
  });
}

/** Who a change was made to, as audit details name them (never a password or hash). */
function subject(user: User): { targetId: number; target: string } {
  return { targetId: user.id, target: user.name };
}

/**
 * Locks the active admins, then the target; refuses when the target is gone or when the
 * actor is no longer an active admin (disabled or demoted by someone else meanwhile).
 */
async function lockForChange(
  trx: Transaction<Schema>,
  actor: Actor,
  targetId: number
): Promise<{ target: User; activeAdmins: number[] }> {
  const activeAdmins = await lockActiveAdmins(trx);
  if (actor !== null && !activeAdmins.includes(actor.id)) {
    throw new AccountError('Your account is no longer an active admin: nothing was changed.');
  }
  const target = await trx
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('id', '=', targetId)
    .forUpdate()
    .executeTakeFirst();
  if (!target) throw new AccountError('There is no such user (deleted meanwhile?).');
  return { target, activeAdmins };
}

/** Ids of the active admins, their rows locked until the transaction ends. */
async function lockActiveAdmins(trx: Transaction<Schema>): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

function refuseSelf(actor: Actor, target: User, message: string): void {
  if (actor?.id === target.id) throw new AccountError(message);
}

function refuseLastAdmin(activeAdmins: number[], target: User, what: string): void {
  if (activeAdmins.includes(target.id) && activeAdmins.length <= 1) {
    throw new AccountError(
      `${target.name} is the last active admin and can't be ${what}: make someone else admin first.`
    );
  }
}

async function updateUser(
  trx: Transaction<Schema>,
  id: number,
  change: { role?: Role; disabled_at?: Date | null }
): Promise<User> {
  return trx
    .updateTable('users')
    .set(change)
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}
