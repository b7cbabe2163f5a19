/**
 * GET /api/v1/analytics on both engines: every series for a filter as JSON, the filter echoed
 * as written, and the API's one error shape for a bad or unknown parameter.
 */
import { beforeAll, expect, test } from 'vitest';
import { analyticsResponse } from '../../src/lib/server/api/analytics';
import { storeAnalyticsFixture } from '../helpers/analytics-fixture';
import { describeEachEngine } from '../helpers/test-databases';

describeEachEngine('the API: analytics', (database) => {
  beforeAll(async () => {
    await storeAnalyticsFixture(database().db);
  });

  const get = async (query: string) => {
    const response = await analyticsResponse(database().db, new URLSearchParams(query));
    return { status: response.status, body: await response.json() };
  };

  test('returns every series for the filter', async () => {
    const { status, body } = await get('outlet=Metro+Post&label=insult,toxicity');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      [
        'activity',
        'agreement',
        'authors',
        'codedTerms',
        'filter',
        'flaggedShare',
        'histogram',
        'labels',
        'outcomes',
        'source',
        'stories'
      ].sort()
    );
    expect(body.filter).toEqual({ outlet: 'Metro Post', label: 'insult,toxicity' });
    expect(body.labels).toEqual(['toxicity', 'insult']);
    expect(body.flaggedShare.byOutlet).toEqual([
      { outlet: 'Metro Post', comments: 2, scored: 2, flagged: 1, share: 0.5 }
    ]);
    expect(body.histogram).toHaveLength(2 * 20);
    expect(body.activity).toEqual([
      { unit: 'day', bucket: '2024-03-02', comments: 1, flagged: 1 },
      { unit: 'day', bucket: '2024-03-03', comments: 1, flagged: 0 }
    ]);
  });

  test('a bad filter is a 400 in the one error shape, naming each field', async () => {
    const { status, body } = await get('from=2024-02-31&label=spam&article=x');
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues.map((issue: { field: string }) => issue.field).sort()).toEqual([
      'article',
      'from',
      'label.0'
    ]);
    expect(body.error.message).toContain('from: "2024-02-31" is not a date');
  });

  test('an unknown parameter is refused rather than ignored', async () => {
    const { status, body } = await get('labels=insult');
    expect(status).toBe(400);
    expect(body.error.issues).toEqual([
      { field: 'labels', message: expect.stringContaining('unknown parameter') }
    ]);
  });
});
