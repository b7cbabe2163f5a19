/**
 * The /analytics page's server time: every series (analyticsSeries) and the filter form's
 * options, as its load runs them, unfiltered and for one outlet over a date range. The
 * rollup is brought up to date first, and that refresh is timed on its own: after the bench
 * has just written every score it is a full build, which the first request after a bulk
 * load pays (later requests after a few decisions rebuild only the articles they touched).
 */
import type { Kysely } from 'kysely';
import { reportFilterSchema } from '../lib/schemas/report-filter';
import { analyticsSeries } from '../lib/server/analytics';
import { currentRollup } from '../lib/server/analytics/rollup/refresh';
import type { Schema } from '../lib/server/db/schema';
import { reportFilterOptions } from '../lib/server/reports/filter-options';
import { measureLatency, type LatencyResult } from './latency';
import { requestsFor, type LoadPlan } from './queue-latency';

export async function measureAnalytics(
  db: Kysely<Schema>,
  outlet: string,
  plan: LoadPlan
): Promise<{ rollupRefreshMs: number; results: LatencyResult[] }> {
  const refreshStarted = performance.now();
  await currentRollup(db);
  const rollupRefreshMs = performance.now() - refreshStarted;
  const scenarios = [
    ['no filter', reportFilterSchema.parse({})],
    [
      `outlet ${outlet}, Mar–Jun 2024`,
      reportFilterSchema.parse({ outlet, from: '2024-03-01', to: '2024-06-30' })
    ]
  ] as const;
  const results: LatencyResult[] = [];
  for (const users of plan.users)
    for (const [name, filter] of scenarios)
      results.push(
        await measureLatency(name, { users, requests: requestsFor(users, plan) }, () =>
          Promise.all([analyticsSeries(db, filter), reportFilterOptions(db, filter)])
        )
      );
  return { rollupRefreshMs, results };
}
