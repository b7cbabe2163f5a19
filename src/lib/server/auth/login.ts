/**
 * One login attempt, as the login form makes it: throttle first (so a throttled attacker
 * learns nothing about the password), then the password, then a brand-new session. Wrong
 * name and wrong password are one outcome, so the form can't reveal which names exist.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { createSession, type NewSession } from './sessions';
import { checkLoginThrottle, recordLoginFailure } from './throttle';
import { findUserForLogin, recordSignIn, type User } from './users.repository';

export type LoginOutcome =
  | { ok: true; user: User; session: NewSession }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function attemptLogin(
  db: Kysely<Schema>,
  credentials: { name: string; password: string; address: string },
  now = new Date()
): Promise<LoginOutcome> {
  const attempt = { account: credentials.name, address: credentials.address };
  const verdict = await checkLoginThrottle(db, attempt, now);
  if (!verdict.allowed) {
    return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const found = await findUserForLogin(db, credentials.name);
  // Verify even for an unknown name, so timing doesn't tell which names exist.
  const matches = await verifyPassword(
    credentials.password,
    found?.passwordHash ?? (await decoyPasswordHash())
  );
  if (!found || !matches || found.disabledAt !== null) {
    await recordLoginFailure(db, attempt, now);
    return { ok: false, reason: 'invalid' };
  }
  const { passwordHash: _hash, ...user } = found;
  const session = await createSession(db, user.id, now);
  await recordSignIn(db, user.id, now);
  return { ok: true, user, session };
}
