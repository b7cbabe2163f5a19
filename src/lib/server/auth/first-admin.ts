/**
 * The first start on an empty database: without any user nobody could sign in, so an
 * `admin` is created with a generated password that the caller prints once.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import type { Schema } from '../db/schema';
import { generatePassword, hashPassword } from './passwords';
import { countUsers, insertUser } from './users.repository';

export const FIRST_ADMIN_NAME = 'admin';

/** The generated password when this call created the admin; undefined when users exist. */
export async function ensureFirstAdmin(db: Kysely<Schema>): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = generatePassword();
  try {
    await insertUser(db, {
      name: FIRST_ADMIN_NAME,
      role: 'admin',
      passwordHash: await hashPassword(password)
    });
  } catch (error) {
    // Another process started at the same moment and created it first.
    if (isUniqueViolation(error, 'users_name_lower')) return undefined;
    throw error;
  }
  return password;
}
