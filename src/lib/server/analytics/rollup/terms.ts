/**
 * The coded terms (see ../coded-terms.ts) from the rollup: analytics_rollup_terms (migration
 * 0014) holds, per article, day, status and lexicon entry, the comments whose spans of that
 * entry carry exactly the labels in label_mask, and the spans per label. The chart sums the
 * rows with a shown label in the mask: a comment is one row per entry, so its comments stay
 * a distinct count, and hits add up the shown labels' columns.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { LABELS, type Label } from '../../classify/types';
import type { Schema } from '../../db/schema';
import { loadLexiconInForce } from '../../settings/lexicon-in-force';
import { TOP_TERMS, type CodedTermRow } from '../coded-terms';
import type { AnalyticsScope } from '../scope';
import { labelBit, labelsMask, termsSource } from './source';

const hitsColumn = (label: Label) => sql.ref(`r.${label}_hits`);

export async function rollupCodedTerms(scope: AnalyticsScope): Promise<CodedTermRow[]> {
  const shown = [...scope.labels];
  const hits = sql<number>`coalesce(sum(${sql.join(shown.map(hitsColumn), sql` + `)}), 0)::int`;
  const [rows, lexicon] = await Promise.all([
    termsSource(scope)
      .where(sql<SqlBool>`(r.label_mask & ${sql.lit(labelsMask(shown))}) <> 0`)
      .select([
        'r.entry_id as entryId',
        hits.as('hits'),
        sql<number>`sum(r.comments)::int`.as('comments'),
        ...shown.map((label) => sql<number>`sum(${hitsColumn(label)})::int`.as(label))
      ])
      .groupBy('r.entry_id')
      .orderBy('hits', 'desc')
      .orderBy('comments', 'desc')
      .orderBy('r.entry_id')
      .limit(TOP_TERMS)
      .execute(),
    loadLexiconInForce(scope.db)
  ]);
  const categories = new Map(lexicon.entries.map(({ entry }) => [entry.id, entry.category]));
  return rows.map((row) => {
    const perLabel = row as unknown as Record<Label, number>;
    return {
      entryId: row.entryId,
      category: categories.get(row.entryId) ?? null,
      label: mostHits(shown, perLabel),
      hits: row.hits,
      comments: row.comments
    };
  });
}

/**
 * The label with the most spans, as the live chart's mode() gives it: on a tie, the first
 * in its order by label name.
 */
function mostHits(labels: readonly Label[], hits: Record<Label, number>): Label {
  const byName = [...labels].sort();
  return byName.reduce((best, label) => (hits[label] > hits[best] ? label : best), byName[0]!);
}

/**
 * Rebuilds the terms rows of some articles (or all): `perComment` is the rebuild's FROM over
 * the comments in scope with the given columns (rebuild.ts), `only` its article condition.
 */
export async function rebuildTerms(
  trx: Kysely<Schema>,
  perComment: (columns: RawBuilder<unknown>, where: RawBuilder<unknown>) => RawBuilder<unknown>,
  only: RawBuilder<unknown>
): Promise<void> {
  const label = sql`e.span->>'label'`;
  const bit = sql.join(
    LABELS.map((name) => sql`when ${sql.lit(name)} then ${sql.lit(labelBit(name))}`),
    sql` `
  );
  const perLabel = LABELS.map(
    (name) =>
      sql`(count(*) filter (where ${label} = ${sql.lit(name)}))::int as ${sql.ref(`${name}_hits`)}`
  );
  const sums = LABELS.map((name) => sql`sum(${sql.ref(`y.${name}_hits`)})::int`);
  // Per comment and entry first (its spans' labels and hits), then per row of the table.
  // Only spans the live chart can count: with an entry id and one of LABELS.
  await sql`delete from analytics_rollup_terms where true ${only}`.execute(trx);
  await sql`
    insert into analytics_rollup_terms (article_id, day, status, entry_id, label_mask, comments,
      ${sql.join(LABELS.map((name) => sql.ref(`${name}_hits`)))})
    select y.article_id, y.day, y.status, y.entry_id, y.label_mask, count(*)::int, ${sql.join(sums)}
    from (
      select x.article_id, x.day, x.status, x.id, e.span->>'entryId' as entry_id,
        bit_or(case ${label} ${bit} end)::smallint as label_mask, ${sql.join(perLabel)}
      from (${perComment(sql`c.id, s.spans`, sql`s.spans <> '[]'::jsonb`)}) as x
      cross join lateral jsonb_array_elements(x.spans) as e(span)
      where e.span->>'entryId' is not null and ${label} in (${sql.join(LABELS.map((name) => sql.lit(name)))})
      group by x.article_id, x.day, x.status, x.id, e.span->>'entryId'
    ) as y
    group by y.article_id, y.day, y.status, y.entry_id, y.label_mask`.execute(trx);
}
