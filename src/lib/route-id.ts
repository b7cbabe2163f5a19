/**
 * A route's `[id]` parameter as a database id: digits only, within PostgreSQL's integer
 * range. Anything else (`abc`, `1e3`, `-1`, `007x`) is undefined, which pages answer
 * with 404 rather than letting it reach a query.
 */
const MAX_INTEGER = 2_147_483_647;

export function parseRouteId(raw: string): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id >= 1 && id <= MAX_INTEGER ? id : undefined;
}
