/**
 * The session cookie: httpOnly (no script can read it), SameSite=Lax (not sent on
 * cross-site POSTs), and Secure when the request came over https. SvelteKit would make it
 * Secure on plain-http 127.0.0.1 too, where browsers then drop it, hence the explicit flag;
 * behind a TLS proxy set ORIGIN (adapter-node) so the app sees https.
 */
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'tw_session';

export function setSessionCookie(
  cookies: Cookies,
  url: URL,
  session: { token: string; expiresAt: Date },
  now = new Date()
): void {
  cookies.set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: url.protocol === 'https:',
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000))
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: url.protocol === 'https:'
  });
}
