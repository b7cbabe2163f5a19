/** Charts by outlet, article, story group, author and coded term. */
import type { AnalyticsSeries } from '$lib/server/analytics';
import { percent, type ChartTable } from '../charts/chart-table';
import { asPercent, labelName, seriesChart, type ChartSpec } from './chart-spec';

const UNKNOWN_OUTLET = '(no outlet)';

const shareColumns: ChartTable['columns'] = [
  { key: 'comments', title: 'Comments' },
  { key: 'scored', title: 'Scored' },
  { key: 'flagged', title: 'Flagged' },
  { key: 'share', title: 'Share' }
];

export function outletShareChart(series: AnalyticsSeries): ChartSpec {
  return flaggedShareChart({
    id: 'flagged-by-outlet',
    title: 'Flagged share per outlet',
    caption: 'The busiest outlets: the percentage of scored comments flagged as any chosen label.',
    nameColumn: { key: 'outlet', title: 'Outlet' },
    rows: series.flaggedShare.byOutlet.map((row) => ({
      ...row,
      outlet: row.outlet ?? UNKNOWN_OUTLET,
      name: row.outlet ?? UNKNOWN_OUTLET
    }))
  });
}

export function articleShareChart(series: AnalyticsSeries): ChartSpec {
  return flaggedShareChart({
    id: 'flagged-by-article',
    title: 'Flagged share per article',
    caption: 'The most commented articles: the percentage of scored comments flagged.',
    nameColumn: { key: 'article', title: 'Article' },
    horizontal: true,
    rows: series.flaggedShare.byArticle.map((row) => {
      const article = `${row.title ?? `#${row.articleId}`} (${row.outlet ?? UNKNOWN_OUTLET})`;
      return { ...row, article, name: article.slice(0, 40) };
    })
  });
}

/** The outlet and article charts differ only in what names a bar: one builder for both. */
function flaggedShareChart(spec: {
  id: string;
  title: string;
  caption: string;
  nameColumn: ChartTable['columns'][number];
  horizontal?: boolean;
  rows: ({ name: string; share: number | null } & Record<string, unknown>)[];
}): ChartSpec {
  const { rows } = spec;
  return {
    id: spec.id,
    title: spec.title,
    caption: spec.caption,
    config: seriesChart(
      'bar',
      rows.map((row) => row.name),
      [{ label: 'flagged %', data: rows.map((row) => asPercent(row.share)) }],
      { yTitle: '% of scored comments', horizontal: spec.horizontal }
    ),
    table: {
      columns: [spec.nameColumn, ...shareColumns],
      rows: rows.map(({ name: _name, ...row }) => ({ ...row, share: percent(row.share) }))
    },
    empty: rows.length === 0
  };
}

export function storyChart(series: AnalyticsSeries): ChartSpec {
  const groups = new Set(series.stories.map((row) => row.storyGroupId));
  const rows = series.stories.map((row) => ({
    ...row,
    story: row.storyTitle ?? `story #${row.storyGroupId}`,
    outletName: row.outlet ?? `${UNKNOWN_OUTLET} article #${row.articleId}`
  }));
  const category = (row: (typeof rows)[number]) =>
    groups.size > 1 ? `${row.outletName} · ${row.story.slice(0, 24)}` : row.outletName;
  return {
    id: 'story-groups',
    title: 'Story groups side by side',
    caption:
      'Syndicated copies of one story: per outlet, the percentage of scored comments flagged as each label.',
    config: seriesChart(
      'bar',
      rows.map(category),
      series.labels.map((label) => ({
        label: labelName(label),
        data: rows.map((row) => asPercent(row.share[label]))
      })),
      { yTitle: '% of scored comments' }
    ),
    table: {
      columns: [
        { key: 'outletName', title: 'Outlet' },
        { key: 'story', title: 'Story' },
        { key: 'comments', title: 'Comments' },
        { key: 'scored', title: 'Scored' },
        ...series.labels.map((label) => ({ key: label, title: `${labelName(label)} flagged` }))
      ],
      rows: rows.map((row) => ({
        outletName: row.outletName,
        story: row.story,
        comments: row.comments,
        scored: row.scored,
        ...Object.fromEntries(
          series.labels.map((label) => [
            label,
            `${row.flagged[label] ?? 0} (${percent(row.share[label] ?? null)})`
          ])
        )
      }))
    },
    empty: rows.length === 0
  };
}

export function authorsChart(series: AnalyticsSeries): ChartSpec {
  const rows = series.authors;
  return {
    id: 'top-authors',
    title: 'Top authors by flagged comments',
    caption: 'Authors with the most flagged comments, and how many of theirs were removed.',
    config: seriesChart(
      'bar',
      rows.map((row) => row.author),
      [
        { label: 'flagged', data: rows.map((row) => row.flagged) },
        { label: 'removed', data: rows.map((row) => row.removed) }
      ],
      { yTitle: 'comments' }
    ),
    table: {
      columns: [
        { key: 'author', title: 'Author' },
        { key: 'comments', title: 'Comments' },
        { key: 'flagged', title: 'Flagged' },
        { key: 'removed', title: 'Removed' }
      ],
      rows: rows.map((row) => ({ ...row }))
    },
    empty: rows.length === 0
  };
}

export function codedTermsChart(series: AnalyticsSeries): ChartSpec {
  const rows = series.codedTerms;
  return {
    id: 'coded-terms',
    title: 'Top coded terms',
    caption: 'Lexicon entries by hits (matched spans) and by comments they matched in.',
    config: seriesChart(
      'bar',
      rows.map((row) => row.entryId),
      [
        { label: 'hits', data: rows.map((row) => row.hits) },
        { label: 'comments', data: rows.map((row) => row.comments) }
      ],
      { yTitle: 'count', horizontal: true }
    ),
    table: {
      columns: [
        { key: 'entryId', title: 'Entry' },
        { key: 'category', title: 'Category' },
        { key: 'label', title: 'Label' },
        { key: 'hits', title: 'Hits' },
        { key: 'comments', title: 'Comments' }
      ],
      rows: rows.map((row) => ({ ...row, label: labelName(row.label) }))
    },
    empty: rows.length === 0
  };
}
