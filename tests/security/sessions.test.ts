/**
 * Sessions over HTTP against the served app: a session id chosen by an attacker before
 * sign-in is never adopted (session fixation); signing out deletes the session on the
 * server, so a copied cookie stops working; changing the password ends the other sessions;
 * and after 5 failed sign-ins the next one — even with the right password — is refused
 * with 429 and Retry-After.
 *
 * The throttle test goes last: it locks this address out of signing in for a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../src/lib/server/auth/throttle';
import { postForm, sessionCookieOf, signInOverHttp } from '../helpers/http-session';
import { serveApp, type ServedApp } from '../helpers/served-app';

describe('sessions and sign-in, over HTTP', () => {
  let app: ServedApp;
  /** Name and password only: what the login form sends. */
  const account = (name: string) => {
    const { password } = app.accounts.get(name)!;
    return { name, password };
  };

  /** Who the API says a cookie belongs to: the name, or the HTTP status when nobody. */
  async function whoIs(cookie: string): Promise<string | number> {
    const response = await fetch(new URL('/api/v1/me', app.url), { headers: { cookie } });
    if (response.status !== 200) return response.status;
    return ((await response.json()) as { name: string }).name;
  }

  beforeAll(async () => {
    app = await serveApp(
      {},
      {
        accounts: [
          { name: 'ana', role: 'analyst' },
          { name: 'mo', role: 'moderator' },
          { name: 'tia', role: 'moderator' }
        ]
      }
    );
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('never adopts a session id set before sign-in (fixation)', async () => {
    const forged = 'tw_session=attacker-chosen-session-id-0123456789';
    const session = await signInOverHttp(app.url, account('ana'), { cookie: forged });
    expect(session).not.toBe(forged);
    expect(await whoIs(session)).toBe('ana');
    expect(await whoIs(forged)).toBe(401);
  });

  it('makes a new session on sign-in even over a valid one', async () => {
    const first = await signInOverHttp(app.url, account('ana'));
    const second = await signInOverHttp(app.url, account('mo'), { cookie: first });
    expect(second).not.toBe(first);
    expect(await whoIs(second)).toBe('mo');
    // The earlier session is still ana's own: signing in as mo never turned it into mo's.
    expect(await whoIs(first)).toBe('ana');
  });

  it('deletes the session on the server when signing out', async () => {
    const session = await signInOverHttp(app.url, account('ana'));
    expect(await whoIs(session)).toBe('ana');
    const logout = await postForm(app.url, '/logout', {}, { cookie: session });
    expect(logout.status).toBe(303);
    expect(sessionCookieOf(logout)).toBe('tw_session=');
    // A copy of the old cookie, replayed: refused by the server, not merely forgotten by the browser.
    expect(await whoIs(session)).toBe(401);
    const page = await fetch(new URL('/queue', app.url), {
      headers: { cookie: session },
      redirect: 'manual'
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);
  });

  it('ends the other sessions when the password changes, and keeps this one', async () => {
    const here = await signInOverHttp(app.url, account('tia'));
    const elsewhere = await signInOverHttp(app.url, account('tia'));
    const newPassword = 'a new passphrase for tia, long enough';
    const change = await postForm(
      app.url,
      '/account?/password',
      {
        currentPassword: account('tia').password,
        newPassword,
        confirmPassword: newPassword
      },
      { cookie: here }
    );
    expect(change.status).toBe(200);
    expect(await change.text()).toContain('Password changed.');
    expect(await whoIs(elsewhere)).toBe(401);
    expect(await whoIs(here)).toBe('tia');
    const again = await signInOverHttp(app.url, { name: 'tia', password: newPassword });
    expect(await whoIs(again)).toBe('tia');
  });

  it(`refuses sign-in after ${MAX_FAILURES} wrong passwords, even the right one, with 429`, async () => {
    const standing = await signInOverHttp(app.url, account('mo'));
    for (let failure = 0; failure < MAX_FAILURES; failure++) {
      const wrong = await postForm(app.url, '/login', { name: 'ana', password: 'not it at all' });
      expect(wrong.status).toBe(400);
      expect(sessionCookieOf(wrong)).toBeUndefined();
    }
    const right = await postForm(app.url, '/login', account('ana'));
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(sessionCookieOf(right)).toBeUndefined();
    // The count is per address too: another name from here is refused as well.
    const other = await postForm(app.url, '/login', account('mo'));
    expect(other.status).toBe(429);
    expect(sessionCookieOf(other)).toBeUndefined();
    // It throttles signing in, not people already signed in.
    expect(await whoIs(standing)).toBe('mo');
  });
});
