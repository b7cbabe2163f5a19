/**
 * Plain queries over `users`. Everything here except findUserForLogin returns users without
 * their password hash, so a hash can't reach a page or an API response by accident.
 */
import { sql, type Kysely } from 'kysely';
import type { Role, Schema } from '../db/schema';

/** A user as the rest of the app sees them: never the hash. */
export interface User {
  id: number;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

export const USER_COLUMNS = [
  'users.id',
  'users.name',
  'users.role',
  'users.created_at as createdAt',
  'users.disabled_at as disabledAt'
] as const;

export async function insertUser(
  db: Kysely<Schema>,
  user: { name: string; role: Role; passwordHash: string }
): Promise<User> {
  return db
    .insertInto('users')
    .values({ name: user.name, role: user.role, password_hash: user.passwordHash })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Case-insensitive, like the unique index: "Admin" finds "admin". */
export async function findUserByName(db: Kysely<Schema>, name: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

/** The one query that reads a hash: login needs it to verify, and nothing else does. */
export async function findUserForLogin(
  db: Kysely<Schema>,
  name: string
): Promise<(User & { passwordHash: string }) | undefined> {
  return db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'users.password_hash as passwordHash'])
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function listUsers(db: Kysely<Schema>): Promise<User[]> {
  return db.selectFrom('users').select(USER_COLUMNS).orderBy('users.id').execute();
}

export async function countUsers(db: Kysely<Schema>): Promise<number> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function recordSignIn(db: Kysely<Schema>, userId: number, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

export async function updatePasswordHash(
  db: Kysely<Schema>,
  userId: number,
  passwordHash: string
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}
