/** Login and sessions on both engines: a new session id per login, logout, expiry, sliding. */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { digestSecret } from '../../src/lib/server/auth/secret-tokens';
import {
  createSession,
  deleteSession,
  SESSION_TTL_MS,
  validateSession
} from '../../src/lib/server/auth/sessions';
import { newUser, TEST_PASSWORD } from '../helpers/auth-factories';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('sessions', (database) => {
  const login = (name: string, password = TEST_PASSWORD) =>
    attemptLogin(database().db, { name, password, address: '192.0.2.1' });

  it('gives every login a fresh session, so a planted id is never adopted', async () => {
    const user = await newUser(database());
    const first = await login(user.name);
    const second = await login(user.name.toUpperCase());
    if (!first.ok || !second.ok) throw new Error('login failed');
    expect(first.session.token).not.toBe(second.session.token);
    const ids = await database()
      .db.selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    // Only digests are stored: neither token appears as an id.
    expect(ids.map((row) => row.id).sort()).toEqual(
      [digestSecret(first.session.token), digestSecret(second.session.token)].sort()
    );
    expect((await validateSession(database().db, second.session.token))?.user.id).toBe(user.id);
  });

  it('does not sign in with a wrong password or an unknown name, the same way', async () => {
    const user = await newUser(database());
    expect(await login(user.name, 'wrong password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await login('nobody-here')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('ends a session on logout', async () => {
    const user = await newUser(database());
    const { token } = await createSession(database().db, user.id);
    await deleteSession(database().db, token);
    expect(await validateSession(database().db, token)).toBeUndefined();
  });

  it('refuses an unknown token', async () => {
    expect(await validateSession(database().db, 'made-up-token')).toBeUndefined();
  });

  it('expires an unused session and slides the expiry of one in use', async () => {
    const user = await newUser(database());
    const start = new Date('2030-01-01T00:00:00Z');
    const { token, expiresAt } = await createSession(database().db, user.id, start);
    const later = new Date(start.getTime() + SESSION_TTL_MS / 2);
    const renewed = await validateSession(database().db, token, later);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBe(later.getTime() + SESSION_TTL_MS);
    // Past the original expiry, but within the renewed one: still valid.
    const afterOriginal = new Date(expiresAt.getTime() + 1000);
    expect((await validateSession(database().db, token, afterOriginal))?.user.id).toBe(user.id);
    const abandoned = new Date(afterOriginal.getTime() + SESSION_TTL_MS + 1000);
    expect(await validateSession(database().db, token, abandoned)).toBeUndefined();
    // An expired session is deleted when seen, not kept around.
    const left = await database()
      .db.selectFrom('sessions')
      .select('id')
      .where('id', '=', digestSecret(token))
      .execute();
    expect(left).toEqual([]);
  });

  it('ends the sessions of a disabled user', async () => {
    const user = await newUser(database());
    const { token } = await createSession(database().db, user.id);
    await sql`update users set disabled_at = now() where id = ${user.id}`.execute(database().db);
    expect(await validateSession(database().db, token)).toBeUndefined();
    expect(await login(user.name)).toEqual({ ok: false, reason: 'invalid' });
  });
});
