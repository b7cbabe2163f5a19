/**
 * The lexicon entries that matched most: hits (spans) and comments per entry, from the
 * stored spans (comment_scores.spans, where a lexicon span carries its entryId), counting
 * only spans of a shown label. The entry's category comes from the lexicon in force, a
 * lookup of a few hundred ids after the aggregate; an entry since removed shows no category.
 * The live chart; rollup/terms.ts gives the same rows from the rollup.
 */
import { sql } from 'kysely';
import type { Label } from '../classify/types';
import { loadLexiconInForce } from '../settings/lexicon-in-force';
import { leanFilter } from './lean-filter';
import { labelArray, type AnalyticsScope } from './scope';

export interface CodedTermRow {
  entryId: string;
  category: string | null;
  /** The label of the entry's spans (the most frequent, if it scored several). */
  label: Label;
  hits: number;
  comments: number;
}

export const TOP_TERMS = 20;

export async function topCodedTerms(scope: AnalyticsScope): Promise<CodedTermRow[]> {
  // Only verdicts with spans (a few per cent), through comment_scores_with_spans: the rest
  // would only be unnested into nothing. Read from the verdicts, joining comments and the
  // rest only when the filter needs them (lean-filter.ts).
  const { joins, where } = leanFilter(scope, 'scores');
  const spans = sql`
    select s.comment_id as id, s.spans from comment_scores s ${joins}
    where s.spans <> '[]'::jsonb and ${where}`;
  const [{ rows }, lexicon] = await Promise.all([
    sql<Omit<CodedTermRow, 'category'>>`
      select e.span->>'entryId' as "entryId", mode() within group (order by e.span->>'label') as label,
        count(*)::int as hits, count(distinct x.id)::int as comments
      from (${spans}) as x
      cross join lateral jsonb_array_elements(x.spans) as e(span)
      where e.span->>'entryId' is not null and e.span->>'label' = any(${labelArray(scope.labels)})
      group by e.span->>'entryId'
      order by hits desc, comments desc, "entryId"
      limit ${sql.lit(TOP_TERMS)}`.execute(scope.db),
    loadLexiconInForce(scope.db)
  ]);
  const categories = new Map(lexicon.entries.map(({ entry }) => [entry.id, entry.category]));
  return rows.map((row) => ({ ...row, category: categories.get(row.entryId) ?? null }));
}
