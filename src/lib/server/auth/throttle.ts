/**
 * Login throttling: after MAX_FAILURES failed logins within WINDOW_MS for one account name,
 * or from one address, further attempts are refused until the oldest of those failures is
 * a window old. Counting both stops guessing one account from many addresses and many
 * accounts from one address. Failures are rows in the database, so every process serving
 * the app (and a restarted one) sees the same counts.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 60 * 1000;

export interface LoginAttempt {
  /** The name that was typed, whether or not such a user exists. */
  account: string;
  address: string;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether another attempt may be checked now. A refused attempt is not itself counted. */
export async function checkLoginThrottle(
  db: Kysely<Schema>,
  attempt: LoginAttempt,
  now = new Date()
): Promise<ThrottleVerdict> {
  const account = accountKey(attempt.account);
  const { address } = attempt;
  const counts = await db
    .selectFrom('login_failures')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('account', '=', account).as('accountFailures'),
      eb.fn.min('failed_at').filterWhere('account', '=', account).as('accountOldest'),
      eb.fn.countAll<number>().filterWhere('address', '=', address).as('addressFailures'),
      eb.fn.min('failed_at').filterWhere('address', '=', address).as('addressOldest')
    ])
    .where('failed_at', '>', new Date(now.getTime() - WINDOW_MS))
    .where((eb) => eb.or([eb('account', '=', account), eb('address', '=', address)]))
    .executeTakeFirstOrThrow();
  const blockedSince = [
    Number(counts.accountFailures) >= MAX_FAILURES ? counts.accountOldest : null,
    Number(counts.addressFailures) >= MAX_FAILURES ? counts.addressOldest : null
  ].filter((oldest): oldest is Date => oldest instanceof Date);
  if (blockedSince.length === 0) return { allowed: true };
  // Blocked until the oldest counted failure leaves the window (then checked again).
  const until = Math.max(...blockedSince.map((oldest) => oldest.getTime() + WINDOW_MS));
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000))
  };
}

export async function recordLoginFailure(
  db: Kysely<Schema>,
  attempt: LoginAttempt,
  now = new Date()
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Old rows only matter within the window; dropping them keeps the table small.
    await trx
      .deleteFrom('login_failures')
      .where('failed_at', '<=', new Date(now.getTime() - WINDOW_MS))
      .execute();
    await trx
      .insertInto('login_failures')
      .values({ account: accountKey(attempt.account), address: attempt.address, failed_at: now })
      .execute();
  });
}

/** Names are case-insensitive, so "Admin" and "admin" share one count. */
function accountKey(name: string): string {
  return name.trim().toLowerCase();
}
