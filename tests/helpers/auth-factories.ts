/** Users for auth tests: a unique name per call, so tests sharing a database don't collide. */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/lib/server/db';
import { addUser } from '../../src/lib/server/auth/accounts';
import type { Role } from '../../src/lib/server/auth/roles';
import type { User } from '../../src/lib/server/auth/users.repository';

export const TEST_PASSWORD = 'correct horse battery';

export async function newUser(database: Database, role: Role = 'moderator'): Promise<User> {
  const name = `${role}-${randomBytes(4).toString('hex')}`;
  const { user } = await addUser(database.db, { name, role, password: TEST_PASSWORD });
  return user;
}
