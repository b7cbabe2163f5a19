/**
 * Login throttling on both engines: five failures within a minute, per account or per
 * address, and the sixth attempt is refused — even with the right password — until the
 * window has passed. Times are passed in, so nothing here waits.
 */
import { expect, it } from 'vitest';
import { attemptLogin } from '../../src/lib/server/auth/login';
import { MAX_FAILURES, WINDOW_MS } from '../../src/lib/server/auth/throttle';
import { newUser, TEST_PASSWORD } from '../helpers/auth-factories';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('login throttling', (database) => {
  const login = (name: string, password: string, address: string, at: Date) =>
    attemptLogin(database().db, { name, password, address }, at);

  it('refuses an account after five failures a minute, from any address', async () => {
    const user = await newUser(database());
    const start = new Date('2030-02-01T10:00:00Z');
    for (let failure = 0; failure < MAX_FAILURES; failure++) {
      const at = new Date(start.getTime() + failure * 1000);
      expect(await login(user.name, 'wrong', `198.51.100.${failure}`, at)).toMatchObject({
        reason: 'invalid'
      });
    }
    const sixth = await login(
      user.name,
      TEST_PASSWORD,
      '203.0.113.9',
      new Date(start.getTime() + 10_000)
    );
    expect(sixth).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 50 });
    // The name is case-insensitive, so is the count.
    const upper = await login(
      user.name.toUpperCase(),
      TEST_PASSWORD,
      '203.0.113.9',
      new Date(start.getTime() + 10_000)
    );
    expect(upper).toMatchObject({ reason: 'throttled' });
    const afterWindow = new Date(start.getTime() + WINDOW_MS + 1000);
    expect(await login(user.name, TEST_PASSWORD, '203.0.113.9', afterWindow)).toMatchObject({
      ok: true
    });
  });

  it('refuses an address after five failures a minute, whatever account it tries', async () => {
    const user = await newUser(database());
    const address = '198.51.100.200';
    const start = new Date('2030-03-01T10:00:00Z');
    for (let failure = 0; failure < MAX_FAILURES; failure++) {
      expect(await login(`guess-${failure}`, 'wrong', address, start)).toMatchObject({
        reason: 'invalid'
      });
    }
    expect(await login(user.name, TEST_PASSWORD, address, start)).toMatchObject({
      reason: 'throttled'
    });
    // Another address is unaffected.
    expect(await login(user.name, TEST_PASSWORD, '198.51.100.201', start)).toMatchObject({
      ok: true
    });
    const afterWindow = new Date(start.getTime() + WINDOW_MS + 1);
    expect(await login(user.name, TEST_PASSWORD, address, afterWindow)).toMatchObject({
      ok: true
    });
  });

  it('allows four failures and then the right password', async () => {
    const user = await newUser(database());
    const at = new Date('2030-04-01T10:00:00Z');
    for (let failure = 0; failure < MAX_FAILURES - 1; failure++) {
      await login(user.name, 'wrong', '192.0.2.77', at);
    }
    expect(await login(user.name, TEST_PASSWORD, '192.0.2.77', at)).toMatchObject({ ok: true });
  });
});
