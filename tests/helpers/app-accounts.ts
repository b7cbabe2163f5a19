/**
 * People for a served app, created before `serve` starts (it then holds the embedded
 * database's lock, so nothing else can add them later): through the same account and token
 * code the `user add` and `token create` commands use, on the app's data directory.
 *
 * `serve` prints a first admin only when there are no users at all, so the admin is
 * created here too, and its credentials returned like everyone else's.
 */
import { addUser } from '../../src/lib/server/auth/accounts';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { FIRST_ADMIN_NAME } from '../../src/lib/server/auth/first-admin';
import type { Role } from '../../src/lib/server/auth/roles';
import { createDb, migrateToLatest } from '../../src/lib/server/db';

export interface AccountRequest {
  name: string;
  role: Role;
  /** Also create an API token for this user. */
  token?: boolean;
}

export interface AppAccount {
  name: string;
  role: Role;
  password: string;
  /** `tw_…`, when one was asked for. */
  token?: string;
  /** The stored scrypt hash, for tests that check it never leaves the server. */
  passwordHash: string;
}

/**
 * Creates the admin and the requested accounts in the app's database (its embedded one in
 * `dataDir`, or PostgreSQL at `databaseUrl`); returns each by name (admin under its own).
 */
export async function createAppAccounts(
  { dataDir, databaseUrl }: { dataDir: string; databaseUrl?: string },
  requests: readonly AccountRequest[]
): Promise<Map<string, AppAccount>> {
  const database = await createDb(databaseUrl ? { databaseUrl } : { dataDir: `${dataDir}/pglite` });
  const accounts = new Map<string, AppAccount>();
  try {
    await migrateToLatest(database.db);
    for (const request of [{ name: FIRST_ADMIN_NAME, role: 'admin' as Role }, ...requests]) {
      const { user, generatedPassword } = await addUser(database.db, request);
      const { password_hash: passwordHash } = await database.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      const account: AppAccount = {
        name: user.name,
        role: user.role,
        password: generatedPassword!,
        passwordHash
      };
      if (request.token) {
        account.token = (await createApiToken(database.db, user.id, 'browser test')).token;
      }
      accounts.set(user.name, account);
    }
  } finally {
    await database.close();
  }
  return accounts;
}
