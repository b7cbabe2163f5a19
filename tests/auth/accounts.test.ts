/** Adding users and the first admin, on both engines; no path returns a password hash. */
import { expect, it } from 'vitest';
import { AccountError, addUser } from '../../src/lib/server/auth/accounts';
import { ensureFirstAdmin } from '../../src/lib/server/auth/first-admin';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { findUserForLogin, listUsers } from '../../src/lib/server/auth/users.repository';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('accounts', (database) => {
  it('creates the first admin once, on an empty users table only', async () => {
    const password = await ensureFirstAdmin(database().db);
    expect(password).toMatch(/^[\w-]{24}$/);
    const admin = await findUserForLogin(database().db, 'admin');
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(password!, admin!.passwordHash)).toBe(true);
    expect(await ensureFirstAdmin(database().db)).toBeUndefined();
  });

  it('stores a hash of the given password, never the password', async () => {
    const { user, generatedPassword } = await addUser(database().db, {
      name: 'Alice',
      role: 'analyst',
      password: 'alice password'
    });
    expect(generatedPassword).toBeUndefined();
    expect(user).toMatchObject({ name: 'Alice', role: 'analyst', disabledAt: null });
    const stored = await findUserForLogin(database().db, 'alice');
    expect(stored?.passwordHash).not.toContain('alice password');
    expect(await verifyPassword('alice password', stored!.passwordHash)).toBe(true);
  });

  it('generates a password when none is given', async () => {
    const { generatedPassword } = await addUser(database().db, { name: 'bob', role: 'moderator' });
    const stored = await findUserForLogin(database().db, 'bob');
    expect(await verifyPassword(generatedPassword!, stored!.passwordHash)).toBe(true);
  });

  it('refuses a name taken in another case, a bad role and a short password', async () => {
    const add = (name: string, role: string, password: string) =>
      addUser(database().db, { name, role, password });
    await expect(add('ALICE', 'analyst', 'long enough pw')).rejects.toThrow(
      /a user named "ALICE" already exists/
    );
    await expect(add('carol', 'superuser', 'long enough pw')).rejects.toThrow(
      /role is one of admin, moderator, analyst/
    );
    await expect(add('carol', 'analyst', 'short')).rejects.toThrow(/at least 10 characters/);
    await expect(add('carol', 'analyst', 'short')).rejects.toBeInstanceOf(AccountError);
  });

  it('lists users without any password hash', async () => {
    const users = await listUsers(database().db);
    expect(users.map((user) => user.name)).toEqual(['admin', 'Alice', 'bob']);
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(['createdAt', 'disabledAt', 'id', 'name', 'role']);
      expect(JSON.stringify(user)).not.toMatch(/scrypt/);
    }
  });
});
