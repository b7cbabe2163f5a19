/**
 * The central guard (hooks.server.ts delegates to it): resolves who is asking — session
 * cookie or `Authorization: Bearer` token — into `event.locals.user`, then lets the request
 * through only if the role matrix (roles.ts) allows its route and method.
 *
 * - nobody signed in: pages redirect (303) to /login?next=…, /api/* answers 401 JSON;
 * - signed in but not allowed: 403 (JSON under /api/*);
 * - no route matched: signed-in users get SvelteKit's 404, others the login redirect.
 * Static assets never reach here (adapter-node serves them first). Imports no $app/$env.
 */
import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { appDatabase } from '../app-database';
import type { Schema } from '../db/schema';
import { bearerToken, userForApiToken } from './api-tokens';
import { requiredAccess, isAllowed } from './roles';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { validateSession } from './sessions';
import type { User } from './users.repository';

export function createGuard(database: () => Promise<Kysely<Schema>>): Handle {
  return async ({ event, resolve }) => {
    const db = await database();
    event.locals.user = await identify(db, event);
    const role = event.locals.user?.role ?? null;
    const routeId = event.route.id;
    const method = event.request.method;
    if (requiredAccess(routeId, method) === 'public') return resolve(event);
    if (!event.locals.user) return signInFirst(event);
    if (routeId === null || isAllowed(role, routeId, method)) return resolve(event);
    return forbidden(event, `your role (${role}) may not ${method} ${routeId}`);
  };
}

export const guard: Handle = createGuard(async () => (await appDatabase()).db);

async function identify(db: Kysely<Schema>, event: RequestEvent): Promise<User | null> {
  const token = bearerToken(event.request.headers.get('authorization'));
  // A request that names a token stands or falls by it, never by a cookie alongside.
  if (token !== undefined) return (await userForApiToken(db, token)) ?? null;
  const cookie = event.cookies.get(SESSION_COOKIE);
  if (!cookie) return null;
  const session = await validateSession(db, cookie);
  if (!session) return null;
  if (session.renewed) setSessionCookie(event.cookies, event.url, { token: cookie, ...session });
  return session.user;
}

function isApi(event: RequestEvent): boolean {
  return event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');
}

function signInFirst(event: RequestEvent): Response {
  if (isApi(event)) {
    // The API's error shape (see server/api/responses.ts), so scripts check one thing.
    return json(
      {
        error: {
          code: 'unauthorized',
          message: 'Sign in first: send Authorization: Bearer <token>'
        }
      },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } }
    );
  }
  const next = event.url.pathname + event.url.search;
  const location = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
  return new Response(null, { status: 303, headers: { location } });
}

function forbidden(event: RequestEvent, message: string): Response {
  if (isApi(event)) return json({ error: { code: 'forbidden', message } }, { status: 403 });
  return new Response(`403 Forbidden: ${message}`, {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' }
  });
}
