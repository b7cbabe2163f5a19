/**
 * What every signed-in user does to their own account (the account page): change their
 * password, and sign out of their other sessions. A wrong current password counts as a
 * failed sign-in for the throttle, so a stolen session can't be used to guess it.
 */
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit';
import type { Schema } from '../db/schema';
import { AccountError, PasswordSchema } from './accounts';
import { hashPassword, verifyPassword } from './passwords';
import { deleteUserSessions } from './sessions';
import { checkLoginThrottle, recordLoginFailure } from './throttle';
import { findUserForLogin, updatePasswordHash, type User } from './users.repository';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The cookie token of the session making the change: it stays signed in. */
  keepSessionToken: string;
  /** The client address, for the throttle. */
  address: string;
}

/** Returns how many other sessions ended. Throws AccountError naming the field at fault. */
export async function changeOwnPassword(
  db: Kysely<Schema>,
  user: Pick<User, 'id' | 'name'>,
  change: PasswordChange,
  now = new Date()
): Promise<number> {
  const attempt = { account: user.name, address: change.address };
  const verdict = await checkLoginThrottle(db, attempt, now);
  if (!verdict.allowed) {
    throw new AccountError(
      `Too many wrong passwords. Try again in ${verdict.retryAfterSeconds} seconds.`,
      'currentPassword'
    );
  }
  const found = await findUserForLogin(db, user.name);
  if (!found || found.id !== user.id) throw new AccountError('Your account no longer exists.');
  if (!(await verifyPassword(change.currentPassword, found.passwordHash))) {
    await recordLoginFailure(db, attempt, now);
    throw new AccountError('That is not your current password.', 'currentPassword');
  }
  const parsed = PasswordSchema.safeParse(change.newPassword);
  if (!parsed.success) throw new AccountError(parsed.error.issues[0]!.message, 'newPassword');
  if (change.newPassword === change.currentPassword) {
    throw new AccountError('The new password is the same as the current one.', 'newPassword');
  }
  const passwordHash = await hashPassword(parsed.data);
  return db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, passwordHash);
    const sessionsEnded = await deleteUserSessions(trx, user.id, change.keepSessionToken);
    await recordAuditEvent(trx, {
      userId: user.id,
      action: 'user.password_change',
      detail: { targetId: user.id, target: user.name, sessionsEnded }
    });
    return sessionsEnded;
  });
}

/** "Sign out everywhere else": every session but the current one ends. */
export async function signOutOtherSessions(
  db: Kysely<Schema>,
  user: Pick<User, 'id' | 'name'>,
  keepSessionToken: string
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const sessionsEnded = await deleteUserSessions(trx, user.id, keepSessionToken);
    await recordAuditEvent(trx, {
      userId: user.id,
      action: 'user.sign_out_others',
      detail: { targetId: user.id, target: user.name, sessionsEnded }
    });
    return sessionsEnded;
  });
}
