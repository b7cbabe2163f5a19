/** The per-outlet and per-article flagged-share charts: bars, table and CSV agree. */
import { describe, expect, it } from 'vitest';
import {
  articleShareChart,
  outletShareChart
} from '../../src/lib/components/analytics/group-charts';
import { tableToCsv } from '../../src/lib/components/charts/chart-table';
import type { AnalyticsSeries } from '../../src/lib/server/analytics';

const series = {
  flaggedShare: {
    byOutlet: [
      { outlet: 'Daily Wire Service', comments: 10, scored: 8, flagged: 2, share: 0.25 },
      { outlet: null, comments: 3, scored: 0, flagged: 0, share: null }
    ],
    byArticle: [
      {
        articleId: 7,
        title: 'A headline long enough to be cut short on the chart axis, not in the table',
        outlet: 'Wire',
        comments: 4,
        scored: 4,
        flagged: 1,
        share: 0.25
      }
    ]
  }
} as unknown as AnalyticsSeries;

describe('flagged-share charts', () => {
  it('names outlets, a missing one included, and shows the share as a percentage', () => {
    const chart = outletShareChart(series);
    expect(chart.config.data.labels).toEqual(['Daily Wire Service', '(no outlet)']);
    expect(chart.config.data.datasets[0]!.data).toEqual([25, 0]);
    expect(tableToCsv(chart.table)).toBe(
      'Outlet,Comments,Scored,Flagged,Share\r\n' +
        'Daily Wire Service,10,8,2,25.0 %\r\n' +
        '(no outlet),3,0,0,—\r\n'
    );
    expect(chart.empty).toBe(false);
  });

  it('cuts article names on the axis only and draws the bars across', () => {
    const chart = articleShareChart(series);
    const full =
      'A headline long enough to be cut short on the chart axis, not in the table (Wire)';
    expect(chart.config.data.labels).toEqual([full.slice(0, 40)]);
    expect(chart.config.options?.indexAxis).toBe('y');
    expect(chart.table.rows[0]).toMatchObject({ article: full, share: '25.0 %' });
    expect(chart.table.rows[0]).not.toHaveProperty('name');
  });

  it('is empty when there are no rows', () => {
    const none = { flaggedShare: { byOutlet: [], byArticle: [] } } as unknown as AnalyticsSeries;
    expect(outletShareChart(none).empty).toBe(true);
    expect(articleShareChart(none).empty).toBe(true);
  });
});
