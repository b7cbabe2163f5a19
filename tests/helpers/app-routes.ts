/**
 * Every route the app has, read from the filesystem the way SvelteKit reads it: a folder
 * under src/routes with a `+page.svelte`/`+page.server.ts`/`+page.ts` is a page (GET, and
 * POST when its server file exports form `actions`), one with `+server.ts` an endpoint
 * (the HTTP methods it exports). Route ids keep `(group)` segments, as `event.route.id` does.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Method } from '../../src/lib/server/auth/roles';

export interface AppRoute {
  routeId: string;
  kind: 'page' | 'endpoint';
  methods: Method[];
}

const ROUTE_FILES = ['+page.svelte', '+page.server.ts', '+page.ts', '+server.ts'];
const EXPORTED_METHOD =
  /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

export function discoverRoutes(routesDir = 'src/routes'): AppRoute[] {
  const files = globSync(
    ROUTE_FILES.map((file) => `**/${file}`),
    { cwd: routesDir }
  );
  const folders = [...new Set(files.map((file) => dirname(file)))].sort();
  return folders.map((folder) => {
    const routeId = folder === '.' ? '/' : `/${folder.split('\\').join('/')}`;
    const read = (file: string) => readIfThere(join(routesDir, folder, file));
    const endpoint = read('+server.ts');
    if (endpoint !== undefined) {
      const methods = [...endpoint.matchAll(EXPORTED_METHOD)].map((match) => match[1] as Method);
      return { routeId, kind: 'endpoint', methods: [...new Set(methods)] };
    }
    const hasActions = /export\s+const\s+actions\b/.test(read('+page.server.ts') ?? '');
    return { routeId, kind: 'page', methods: hasActions ? ['GET', 'POST'] : ['GET'] };
  });
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The URL path of a route id: groups dropped, each `[param]` filled from `params`. */
export function routePath(routeId: string, params: (name: string) => string): string {
  const path = routeId
    .split('/')
    .filter((segment) => !/^\(.+\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(\w+)\]$/, (_, name: string) => params(name)))
    .join('/');
  return path === '' ? '/' : path;
}
