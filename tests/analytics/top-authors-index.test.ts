/**
 * The top authors' comment counts (rollup/top-authors.ts) come from comments_author_id
 * alone (migration 0014): for a filter without fields and for the outlet-and-dates one,
 * which reads each comment's article and time, the plan is an index-only scan of it, not a
 * read of each comment row. Sequential and bitmap scans are switched off so that the
 * fixture's few rows do not make the planner prefer them; what is left is an index scan,
 * index-only only if the index holds every comment column the query reads.
 */
import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { reportFilterSchema } from '../../src/lib/schemas/report-filter';
import { analyticsScope } from '../../src/lib/server/analytics';
import { authorCommentsQuery } from '../../src/lib/server/analytics/rollup/top-authors';
import { storeAnalyticsFixture } from '../helpers/analytics-fixture';
import { indexPlanOf } from '../helpers/query-plan';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('top authors comment counts', (database) => {
  const db = () => database().db;

  beforeAll(async () => {
    await storeAnalyticsFixture(db());
    // An index-only scan is planned as such once the visibility map says pages are all visible.
    await sql`vacuum analyze comments`.execute(db());
  });

  test.each([
    ['no filter', {}],
    ['outlet and dates', { outlet: 'Daily Planet', from: '2024-03-01', to: '2024-03-06' }],
    ['status', { status: ['removed'] }]
  ])('%s: an index-only scan of comments_author_id', async (_, input) => {
    const scope = analyticsScope(db(), reportFilterSchema.parse(input));
    const query = authorCommentsQuery(scope, ['ann', 'bob']);
    const plan = await indexPlanOf(db(), query);
    expect(plan).toMatch(/Index Only Scan using comments_author_id on comments c\b/);
    expect(plan).not.toMatch(/ Index Scan using comments_author_id/);
    // The counts themselves are checked against the live query in analytics-rollup.test.ts.
    expect((await query.execute(db())).rows.length).toBeGreaterThan(0);
  });
});
