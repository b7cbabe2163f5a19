/**
 * A RequestEvent built by hand, as SvelteKit would pass it to hooks and endpoints: the
 * route id, the URL, the method, a session cookie and an Authorization header.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session-cookie';

export interface FakeRequest {
  routeId: string | null;
  path: string;
  method?: string;
  cookie?: string;
  authorization?: string;
}

export function requestEvent({
  routeId,
  path,
  method = 'GET',
  cookie,
  authorization
}: FakeRequest) {
  const url = new URL(path, 'http://127.0.0.1:3000');
  const jar = new Map<string, string>(cookie ? [[SESSION_COOKIE, cookie]] : []);
  const cookies = {
    get: (name: string) => jar.get(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name)
  } as unknown as Cookies;
  const headers = authorization ? { authorization } : undefined;
  return {
    url,
    request: new Request(url, { method, headers }),
    route: { id: routeId },
    cookies,
    locals: {}
  } as unknown as RequestEvent;
}
