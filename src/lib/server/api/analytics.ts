/**
 * GET /api/v1/analytics: every series of the /analytics page for one filter, as JSON for
 * scripts. The filter is the reports' (from, to, outlet, article, story, status, label;
 * several labels or statuses comma-separated), and an unknown or bad parameter is a 400.
 */
import { json } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { describeReportFilter, reportFilterSchema } from '../../schemas/report-filter';
import { analyticsSeries } from '../analytics';
import type { Schema } from '../db/schema';
import { parseQuery } from './query-params';

export async function analyticsResponse(db: Kysely<Schema>, params: URLSearchParams) {
  const query = parseQuery(params, { filter: reportFilterSchema });
  if (!query.ok) return query.response;
  const { filter } = query.value;
  return json({ filter: describeReportFilter(filter), ...(await analyticsSeries(db, filter)) });
}
