/**
 * users.last_sign_in_at: when the user last signed in through the login form, for the
 * users table in settings. Sessions can't tell (signing out deletes the session row), so
 * login writes it. Null: never signed in since this column exists.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'timestamptz').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
}
