/**
 * Talking to a served app over plain HTTP the way a browser on the same origin would:
 * form POSTs with an Origin header (SvelteKit refuses cross-site form posts) and
 * `Accept: text/html` (without it SvelteKit answers a form action as to use:enhance, in
 * JSON with status 200, hiding the action's real status), and sessions as `tw_session`
 * cookies taken from the login answer.
 */
import { expect } from 'vitest';

export interface FormPost {
  /** `name=value; …` sent as the Cookie header. */
  cookie?: string;
  /** The Origin header; the app's own unless a test plays another site. */
  origin?: string;
}

export function postForm(
  appUrl: string,
  path: string,
  fields: Record<string, string>,
  { cookie, origin = new URL(appUrl).origin }: FormPost = {}
): Promise<Response> {
  return fetch(new URL(path, appUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      origin,
      ...(cookie ? { cookie } : {})
    },
    body: new URLSearchParams(fields),
    redirect: 'manual'
  });
}

/** `tw_session=…` from a Set-Cookie header; undefined when the answer sets none. */
export function sessionCookieOf(response: Response): string | undefined {
  return /(?:^|,\s*)(tw_session=[^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
}

/** Signs in through the login form; returns the session cookie (`tw_session=…`). */
export async function signInOverHttp(
  appUrl: string,
  account: { name: string; password: string },
  { cookie }: { cookie?: string } = {}
): Promise<string> {
  const response = await postForm(
    appUrl,
    '/login',
    { name: account.name, password: account.password },
    { cookie }
  );
  expect(response.status, `signing in as ${account.name}`).toBe(303);
  const session = sessionCookieOf(response);
  expect(session, `a session cookie for ${account.name}`).toMatch(/^tw_session=[\w-]+$/);
  return session!;
}
