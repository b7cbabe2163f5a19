/**
 * The route-matrix test's judge: given what the role matrix says about one request and the
 * answer the served app gave, whether they agree — and if not, a line saying why.
 */
import type { Role } from '../../src/lib/server/auth/roles';

export interface Asked {
  /** What isAllowed says for this caller's role, route and method. */
  allowed: boolean;
  role: Role | null;
  api: boolean;
  /** A page's `__data.json`, as client-side navigation fetches it. */
  pageData: boolean;
  /** What an allowed caller must get; undefined: anything but 401/403 and 5xx. */
  expected: number | undefined;
}

/** Why an answer disagrees with the matrix, or undefined when it agrees. */
export function disagreement(asked: Asked, response: Response, body: string): string | undefined {
  const { allowed, role, api, pageData, expected } = asked;
  if (allowed) {
    if (response.status === 401 || response.status === 403) return 'allowed, but refused';
    if (response.status >= 500) return 'allowed, but the server failed';
    if (expected !== undefined && response.status !== expected)
      return `allowed; expected ${expected}`;
    return undefined;
  }
  if (role === null && api) {
    return response.status === 401 && errorCode(body) === 'unauthorized'
      ? undefined
      : 'expected 401 JSON {error: {code: "unauthorized"}}';
  }
  if (role === null) return loginRedirectProblem(response, body, pageData);
  if (response.status !== 403) return 'expected 403';
  if (api && errorCode(body) !== 'forbidden') return 'expected JSON {error: {code: "forbidden"}}';
  return undefined;
}

/**
 * Nobody signed in asking for a page: a 303 to /login. For its `__data.json` SvelteKit turns
 * the guard's redirect into a 200 `{"type":"redirect","location":…}` the client router
 * follows — the same redirect, and no page data.
 */
function loginRedirectProblem(response: Response, body: string, pageData: boolean) {
  if (!pageData) {
    const location = response.headers.get('location') ?? '';
    return response.status === 303 && location.startsWith('/login')
      ? undefined
      : 'expected a redirect to /login';
  }
  const data = parseJson(body) as { type?: unknown; location?: unknown } | undefined;
  const redirected = data?.type === 'redirect' && String(data.location).startsWith('/login');
  return response.status === 200 && redirected && Object.keys(data).length === 2
    ? undefined
    : 'expected {"type":"redirect","location":"/login…"} and nothing else';
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function errorCode(body: string): unknown {
  return (parseJson(body) as { error?: { code?: unknown } } | undefined)?.error?.code;
}
