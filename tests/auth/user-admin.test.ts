/**
 * User management as the settings page does it, on both engines: add, role change,
 * disable/enable, password reset, the self and last-admin guards (including two admins
 * demoting each other at once), and audit rows that never hold a secret.
 */
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit';
import { AccountError } from '../../src/lib/server/auth/accounts';
import { createApiToken, userForApiToken } from '../../src/lib/server/auth/api-tokens';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { createSession, validateSession } from '../../src/lib/server/auth/sessions';
import {
  addUserAudited,
  changeUserRole,
  disableUser,
  enableUser,
  resetUserPassword
} from '../../src/lib/server/auth/user-admin';
import { listUserOverview } from '../../src/lib/server/auth/user-overview';
import { newUser, TEST_PASSWORD } from '../helpers/auth-factories';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('user management', (database) => {
  const db = () => database().db;
  const signIn = (name: string, password: string) =>
    attemptLogin(db(), { name, password, address: '192.0.2.7' });

  // The last-admin rule counts every admin in the database: each test starts with none.
  beforeEach(async () => {
    await sql`truncate table users restart identity cascade`.execute(db());
  });

  it('adds a user with a generated password and audits it without the password', async () => {
    const admin = await newUser(database(), 'admin');
    const { user, generatedPassword } = await addUserAudited(db(), admin, {
      name: 'Eli',
      role: 'moderator'
    });
    expect(user).toMatchObject({ name: 'Eli', role: 'moderator', disabledAt: null });
    expect((await signIn('eli', generatedPassword!)).ok).toBe(true);

    const [event] = await listAuditEvents(db(), { action: 'user.add' });
    expect(event).toMatchObject({
      userId: admin.id,
      userName: admin.name,
      detail: { targetId: user.id, target: 'Eli', role: 'moderator', passwordGenerated: true }
    });
    expect(JSON.stringify(event)).not.toContain(generatedPassword);
  });

  it('refuses a name that differs only in case, keeping the first user', async () => {
    const admin = await newUser(database(), 'admin');
    await addUserAudited(db(), admin, { name: 'dana', role: 'analyst', password: TEST_PASSWORD });
    const clash = addUserAudited(db(), admin, { name: 'DANA', role: 'admin' });
    await expect(clash).rejects.toThrow(/a user named "DANA" already exists/);
    await expect(clash).rejects.toMatchObject({ field: 'name' });
    const users = await listUserOverview(db());
    expect(users.map((user) => [user.name, user.role])).toEqual([
      [admin.name, 'admin'],
      ['dana', 'analyst']
    ]);
    // The refused add left no audit row behind (same transaction).
    expect(await listAuditEvents(db(), { action: 'user.add' })).toHaveLength(1);
  });

  it('changes a role and records from and to', async () => {
    const admin = await newUser(database(), 'admin');
    const analyst = await newUser(database(), 'analyst');
    const changed = await changeUserRole(db(), admin, analyst.id, 'moderator');
    expect(changed.role).toBe('moderator');
    const [event] = await listAuditEvents(db(), { action: 'user.role' });
    expect(event?.detail).toEqual({
      targetId: analyst.id,
      target: analyst.name,
      from: 'analyst',
      to: 'moderator'
    });
    await expect(changeUserRole(db(), admin, analyst.id, 'owner')).rejects.toThrow(
      /role is one of admin, moderator, analyst/
    );
  });

  it('disabling ends sessions, stops tokens and sign-in; enabling lets them sign in again', async () => {
    const admin = await newUser(database(), 'admin');
    const moderator = await newUser(database(), 'moderator');
    const session = await createSession(db(), moderator.id);
    const { token } = await createApiToken(db(), moderator.id, 'script');

    await disableUser(db(), admin, moderator.id);
    const sessions = await db()
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', moderator.id)
      .execute();
    expect(sessions).toEqual([]);
    expect(await validateSession(db(), session.token)).toBeUndefined();
    expect(await userForApiToken(db(), token)).toBeUndefined();
    expect(await signIn(moderator.name, TEST_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    const [disabled] = await listAuditEvents(db(), { action: 'user.disable' });
    expect(disabled?.detail).toMatchObject({ targetId: moderator.id, sessionsEnded: 1 });

    await enableUser(db(), admin, moderator.id);
    expect((await signIn(moderator.name, TEST_PASSWORD)).ok).toBe(true);
    // The ended session stays ended; the token nobody revoked works again.
    expect(await validateSession(db(), session.token)).toBeUndefined();
    expect((await userForApiToken(db(), token))?.id).toBe(moderator.id);
    expect(await listAuditEvents(db(), { action: 'user.enable' })).toHaveLength(1);
  });

  it('refuses to let an admin disable or demote themselves', async () => {
    const admin = await newUser(database(), 'admin');
    await newUser(database(), 'admin'); // not the last admin: only the self rule applies
    await expect(disableUser(db(), admin, admin.id)).rejects.toThrow(
      /can't disable your own account/
    );
    await expect(changeUserRole(db(), admin, admin.id, 'analyst')).rejects.toThrow(
      /can't change your own role/
    );
    await expect(resetUserPassword(db(), admin, admin.id)).rejects.toThrow(/account page/);
    const [me] = (await listUserOverview(db())).filter((user) => user.id === admin.id);
    expect(me).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('never disables or demotes the last active admin', async () => {
    const admin = await newUser(database(), 'admin');
    const other = await newUser(database(), 'admin');
    await disableUser(db(), admin, other.id);
    // From the command line (no actor) the self rule can't apply; the last-admin rule does.
    await expect(disableUser(db(), null, admin.id)).rejects.toThrow(/last active admin/);
    await expect(changeUserRole(db(), null, admin.id, 'moderator')).rejects.toThrow(
      /last active admin/
    );
    // A disabled admin is no admin to act with, nor one to count.
    await expect(changeUserRole(db(), other, admin.id, 'analyst')).rejects.toThrow(
      /no longer an active admin/
    );
    const roles = (await listUserOverview(db())).map((user) => [
      user.role,
      user.disabledAt === null
    ]);
    expect(roles).toEqual([
      ['admin', true],
      ['admin', false]
    ]);
  });

  it('lets only one of two admins demoting each other at once succeed', async () => {
    const first = await newUser(database(), 'admin');
    const second = await newUser(database(), 'admin');
    const outcomes = await Promise.allSettled([
      changeUserRole(db(), first, second.id, 'moderator'),
      changeUserRole(db(), second, first.id, 'moderator')
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(AccountError);
    const admins = (await listUserOverview(db())).filter((user) => user.role === 'admin');
    expect(admins).toHaveLength(1);
    expect(await listAuditEvents(db(), { action: 'user.role' })).toHaveLength(1);
  });

  it('resets a password: the old one fails, the shown one works, their sessions end', async () => {
    const admin = await newUser(database(), 'admin');
    const analyst = await newUser(database(), 'analyst');
    const session = await createSession(db(), analyst.id);
    const { password } = await resetUserPassword(db(), admin, analyst.id);
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(await validateSession(db(), session.token)).toBeUndefined();
    expect((await signIn(analyst.name, TEST_PASSWORD)).ok).toBe(false);
    expect((await signIn(analyst.name, password)).ok).toBe(true);

    const events = await listAuditEvents(db(), { action: 'user.' });
    const [reset] = events.filter((event) => event.action === 'user.password_reset');
    expect(reset).toMatchObject({ userId: admin.id, detail: { targetId: analyst.id } });
    const hash = await db()
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', analyst.id)
      .executeTakeFirstOrThrow();
    const logged = JSON.stringify(await listAuditEvents(db()));
    expect(logged).not.toContain(password);
    expect(logged).not.toContain(hash.password_hash);
    expect(logged).not.toMatch(/scrypt/);
  });

  it('shows the last sign-in and the live tokens per user', async () => {
    const analyst = await newUser(database(), 'analyst');
    const before = await listUserOverview(db());
    expect(before[0]).toMatchObject({ lastSignInAt: null, activeTokens: 0 });
    await signIn(analyst.name, TEST_PASSWORD);
    await createApiToken(db(), analyst.id, 'one');
    await createApiToken(db(), analyst.id, 'two');
    const [after] = await listUserOverview(db());
    expect(after?.lastSignInAt).toBeInstanceOf(Date);
    expect(after?.activeTokens).toBe(2);
    expect(Object.keys(after!)).not.toContain('passwordHash');
  });
});
