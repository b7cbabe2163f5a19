/**
 * THE role matrix: which roles may use which route with which method. The guard
 * (guard.ts) consults only this table, for every page, form action and endpoint, so a
 * reviewer reads the whole access policy here.
 *
 * Routes are SvelteKit route ids (`/comments/[id]`), so a rule can't be dodged by spelling a
 * URL differently. A route that isn't listed, or a method a route doesn't list, is denied
 * to everyone: a new page stays closed until someone decides who may use it.
 * HEAD counts as GET. Form actions are POSTs to the page's route id.
 */
import type { Role } from '../db/schema';

export type { Role };
export const ROLES: readonly Role[] = ['admin', 'moderator', 'analyst'];

/** What a rule grants; each maps to the roles that have it. */
export type Access = 'public' | 'signed-in' | 'read' | 'moderate' | 'ingest' | 'admin';

/** null: nobody is signed in. */
const ACCESS_ROLES: Record<Access, readonly (Role | null)[]> = {
  public: [null, 'admin', 'moderator', 'analyst'],
  'signed-in': ['admin', 'moderator', 'analyst'],
  // Analysts read and export, and never moderate.
  read: ['admin', 'moderator', 'analyst'],
  moderate: ['admin', 'moderator'],
  ingest: ['admin', 'moderator'],
  // Settings: users, tokens, thresholds, lexicon.
  admin: ['admin']
};

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRule {
  routeId: string;
  methods: Partial<Record<Method, Access>>;
}

export const ROUTE_RULES: readonly RouteRule[] = [
  { routeId: '/login', methods: { GET: 'public', POST: 'public' } },
  { routeId: '/logout', methods: { GET: 'signed-in', POST: 'signed-in' } },
  // Everyone changes their own password here.
  { routeId: '/account', methods: { GET: 'signed-in', POST: 'signed-in' } },
  { routeId: '/', methods: { GET: 'read' } },
  // Pages: reading is for everyone signed in; a POST there is a moderation decision.
  { routeId: '/queue', methods: { GET: 'read', POST: 'moderate' } },
  { routeId: '/comments/[id]', methods: { GET: 'read', POST: 'moderate' } },
  { routeId: '/articles/[id]', methods: { GET: 'read' } },
  { routeId: '/analytics', methods: { GET: 'read' } },
  // Exporting a report is reading: the page's form downloads from /api/v1/reports/[kind].
  { routeId: '/reports', methods: { GET: 'read' } },
  { routeId: '/ingest', methods: { GET: 'ingest', POST: 'ingest' } },
  { routeId: '/settings', methods: { GET: 'admin', POST: 'admin' } },
  { routeId: '/settings/lexicon', methods: { GET: 'admin', POST: 'admin' } },
  { routeId: '/settings/users', methods: { GET: 'admin', POST: 'admin' } },
  { routeId: '/settings/tokens', methods: { GET: 'admin', POST: 'admin' } },
  // The JSON API, for scripts with a Bearer token (or a signed-in browser).
  { routeId: '/api/v1/me', methods: { GET: 'read' } },
  { routeId: '/api/v1/articles', methods: { GET: 'read' } },
  { routeId: '/api/v1/articles/[id]', methods: { GET: 'read' } },
  { routeId: '/api/v1/comments/[id]', methods: { GET: 'read' } },
  { routeId: '/api/v1/comments/[id]/decisions', methods: { GET: 'read', POST: 'moderate' } },
  { routeId: '/api/v1/decisions', methods: { GET: 'read' } },
  { routeId: '/api/v1/queue', methods: { GET: 'read' } },
  { routeId: '/api/v1/analytics', methods: { GET: 'read' } },
  { routeId: '/api/v1/reports/[kind]', methods: { GET: 'read' } },
  { routeId: '/api/v1/ingest', methods: { POST: 'ingest' } },
  // An ingested document's parse result and classification progress.
  { routeId: '/api/v1/ingest/[id]', methods: { GET: 'ingest' } }
];

const rulesById = new Map(ROUTE_RULES.map((rule) => [rule.routeId, rule]));

/** The access a route and method need; undefined when the matrix doesn't list them. */
export function requiredAccess(routeId: string | null, method: string): Access | undefined {
  if (routeId === null) return undefined;
  const normalized = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return rulesById.get(routeId)?.methods[normalized as Method];
}

/** Default deny: true only when the matrix lists this route and method for this role. */
export function isAllowed(role: Role | null, routeId: string | null, method: string): boolean {
  const access = requiredAccess(routeId, method);
  return access !== undefined && ACCESS_ROLES[access].includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
