/**
 * The report filter selects exactly the hand-chosen rows (status, label, outlet, article,
 * dates, combined), the summary counts agree with them, and bad input gets a clear message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  reportFilterIssues,
  reportFilterSchema,
  type ReportFilter
} from '../../src/lib/schemas/report-filter';
import { reportBatches, summarizeReport } from '../../src/lib/server/reports';
import { storeReportFixture, type ReportFixture } from '../helpers/report-fixture';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('report filters', (database) => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await storeReportFixture(database().db);
  });

  async function selected(input: Record<string, unknown>): Promise<number[]> {
    const filter: ReportFilter = reportFilterSchema.parse(input);
    const ids: number[] = [];
    for await (const batch of reportBatches(database().db, filter, { batchSize: 2 }))
      ids.push(...batch.map((row) => row.commentId));
    return ids;
  }
  const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

  it('by status, pending including comments nobody decided on', async () => {
    const { ids } = fixture;
    expect(await selected({ status: 'removed' })).toEqual(sorted(ids.removed, ids.reRemoved));
    expect(await selected({ status: ['escalated', 'approved'] })).toEqual(
      sorted(ids.escalated, ids.approved)
    );
    expect(await selected({ status: 'pending' })).toEqual(
      sorted(ids.threatPending, ids.plainPending, ids.unscored)
    );
  });

  it('by flagged label, outlet and article', async () => {
    const { ids, articles } = fixture;
    expect(await selected({ label: 'threat' })).toEqual([ids.threatPending]);
    expect(await selected({ label: 'toxicity,insult' })).toEqual(
      sorted(ids.removed, ids.escalated)
    );
    expect(await selected({ outlet: 'Metro Post' })).toEqual(
      sorted(ids.threatPending, ids.plainPending)
    );
    expect(await selected({ article: String(articles.unscored) })).toEqual([ids.unscored]);
    expect(
      await selected({ outlet: 'Daily Planet', status: 'removed', label: 'antisemitism' })
    ).toEqual([ids.reRemoved]);
  });

  it('by comment time, a bare `to` day inclusive, ingest time when the page gave none', async () => {
    const { ids } = fixture;
    expect(await selected({ from: '2024-03-01', to: '2024-03-02' })).toEqual(
      sorted(ids.removed, ids.escalated)
    );
    expect(await selected({ to: '2024-03-01' })).toEqual(sorted(ids.unscored, ids.removed));
    expect(await selected({ from: '2024-03-01T12:00:00Z', to: '2024-03-03T00:00:00Z' })).toEqual([
      ids.escalated
    ]);
    // The rest have no posted_at: they count at their ingest time, which is now.
    const today = new Date().toISOString().slice(0, 10);
    expect(await selected({ from: today })).toEqual(
      sorted(ids.approved, ids.reRemoved, ids.threatPending, ids.plainPending)
    );
  });

  it('counts what it selects', async () => {
    const db = database().db;
    const all = await summarizeReport(db, reportFilterSchema.parse({}));
    expect(all).toMatchObject({
      comments: 7,
      scored: 6,
      flagged: 4,
      byStatus: { pending: 3, approved: 1, removed: 2, escalated: 1 },
      decisionsByAction: { remove: 3, undo: 1, escalate: 1, approve: 1 },
      removedByReason: { harassment: 1, hate: 1 }
    });
    expect(all.flaggedByLabel).toMatchObject({
      toxicity: 1,
      insult: 1,
      antisemitism: 1,
      threat: 1
    });
    const metro = await summarizeReport(db, reportFilterSchema.parse({ outlet: 'Metro Post' }));
    expect(metro).toMatchObject({ comments: 2, flagged: 1, decisionsByAction: {} });
  });
});

describe('the report filter schema', () => {
  const issues = (input: Record<string, unknown>) => {
    const parsed = reportFilterSchema.safeParse(input);
    return parsed.success ? [] : reportFilterIssues(parsed.error);
  };

  it('names the bad field and says what it takes', () => {
    expect(issues({ from: '2024-13-01' })).toEqual([
      'from: "2024-13-01" is not a date: use YYYY-MM-DD or an ISO 8601 time such as 2024-05-01T12:00:00Z'
    ]);
    expect(issues({ to: '2024-02-30' })[0]).toMatch(/^to: "2024-02-30" is not a date/);
    expect(issues({ from: 'yesterday' })[0]).toMatch(/^from: "yesterday" is not a date/);
    expect(issues({ from: '2024-05-02', to: '2024-05-01' })).toEqual(['to must be after from']);
    expect(issues({ status: 'deleted' })).toEqual([
      'status must be one of pending, approved, removed, escalated'
    ]);
    expect(issues({ label: 'rude' })[0]).toMatch(/^label must be one of toxicity, /);
    expect(issues({ article: 'seven' })).toEqual([
      'article must be an article id (a whole number)'
    ]);
  });

  it('treats blank fields as no filter', () => {
    expect(
      reportFilterSchema.parse({
        from: '',
        to: ' ',
        outlet: '',
        article: '',
        status: '',
        label: []
      })
    ).toEqual({ status: [], label: [] });
  });
});
