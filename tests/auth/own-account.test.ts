/**
 * The account page's changes, on both engines: changing your own password keeps the
 * current session and ends the others; a wrong current password is refused and counted by
 * the login throttle; signing out elsewhere keeps only this session.
 */
import { expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { changeOwnPassword, signOutOtherSessions } from '../../src/lib/server/auth/own-account';
import {
  countOtherSessions,
  createSession,
  validateSession
} from '../../src/lib/server/auth/sessions';
import { MAX_FAILURES } from '../../src/lib/server/auth/throttle';
import { newUser, TEST_PASSWORD } from '../helpers/auth-factories';
import { describeEachEngine } from '../helpers/test-databases';

const NEW_PASSWORD = 'a much better passphrase';

describeEachEngine('own account', (database) => {
  const db = () => database().db;

  it('changes the password, keeping this session and ending the others', async () => {
    const user = await newUser(database(), 'analyst');
    const here = await createSession(db(), user.id);
    const elsewhere = await createSession(db(), user.id);
    const ended = await changeOwnPassword(db(), user, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      keepSessionToken: here.token,
      address: '192.0.2.20'
    });
    expect(ended).toBe(1);
    expect((await validateSession(db(), here.token))?.user.id).toBe(user.id);
    expect(await validateSession(db(), elsewhere.token)).toBeUndefined();
    const login = (password: string) =>
      attemptLogin(db(), { name: user.name, password, address: '192.0.2.21' });
    expect((await login(TEST_PASSWORD)).ok).toBe(false);
    expect((await login(NEW_PASSWORD)).ok).toBe(true);

    const [event] = (await listAuditEvents(db(), { action: 'user.password_change' })).filter(
      (row) => row.userId === user.id
    );
    expect(event?.detail).toEqual({ targetId: user.id, target: user.name, sessionsEnded: 1 });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password, counting it towards the sign-in throttle', async () => {
    const user = await newUser(database(), 'moderator');
    const here = await createSession(db(), user.id);
    const change = {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
      keepSessionToken: here.token,
      address: '192.0.2.30'
    };
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
      await expect(changeOwnPassword(db(), user, change)).rejects.toMatchObject({
        field: 'currentPassword',
        message: 'That is not your current password.'
      });
    }
    // Throttled now: even the right password is refused, here and on the login form.
    await expect(
      changeOwnPassword(db(), user, { ...change, currentPassword: TEST_PASSWORD })
    ).rejects.toThrow(/Too many wrong passwords/);
    const login = await attemptLogin(db(), {
      name: user.name,
      password: TEST_PASSWORD,
      address: '192.0.2.31'
    });
    expect(login).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('refuses a new password under the policy or equal to the current one', async () => {
    const user = await newUser(database(), 'analyst');
    const here = await createSession(db(), user.id);
    const change = (newPassword: string) =>
      changeOwnPassword(db(), user, {
        currentPassword: TEST_PASSWORD,
        newPassword,
        keepSessionToken: here.token,
        address: '192.0.2.40'
      });
    await expect(change('short')).rejects.toMatchObject({ field: 'newPassword' });
    await expect(change(TEST_PASSWORD)).rejects.toThrow(/same as the current one/);
    const login = await attemptLogin(db(), {
      name: user.name,
      password: TEST_PASSWORD,
      address: '192.0.2.41'
    });
    expect(login.ok).toBe(true);
  });

  it('signs out of every other session and keeps this one', async () => {
    const user = await newUser(database(), 'admin');
    const here = await createSession(db(), user.id);
    const others = [await createSession(db(), user.id), await createSession(db(), user.id)];
    expect(await countOtherSessions(db(), user.id, here.token)).toBe(2);
    expect(await signOutOtherSessions(db(), user, here.token)).toBe(2);
    expect(await countOtherSessions(db(), user.id, here.token)).toBe(0);
    expect((await validateSession(db(), here.token))?.user.id).toBe(user.id);
    for (const other of others) expect(await validateSession(db(), other.token)).toBeUndefined();
  });
});
