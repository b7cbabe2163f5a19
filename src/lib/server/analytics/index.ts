/**
 * Analytics: SQL aggregates over the report filter's comments, one query per series, each
 * returning chart-ready plain rows. /analytics draws them; GET /api/v1/analytics returns
 * them as JSON.
 *
 * Every series but outcomes (decisions, a small table) reads the rollup (rollup/):
 * per-day counts rebuilt when the data changed, which is what keeps the page fast at a
 * million comments; the top authors then count their listed authors' comments from the
 * author index. A date range that is not whole UTC days reads the comments live.
 */
import type { Kysely } from 'kysely';
import type { ReportFilter } from '../../schemas/report-filter';
import type { Schema } from '../db/schema';
import { activityOverTime } from './activity-over-time';
import { classifierAgreement } from './agreement';
import { topCodedTerms } from './coded-terms';
import { flaggedShareByArticle, flaggedShareByLabel, flaggedShareByOutlet } from './flagged-share';
import { outcomesOverTime } from './outcomes-over-time';
import { currentRollup } from './rollup/refresh';
import { rollupActivity } from './rollup/activity';
import { rollupAgreement } from './rollup/agreement';
import {
  rollupShareByArticle,
  rollupShareByLabel,
  rollupShareByOutlet
} from './rollup/flagged-share';
import { rollupHistogram } from './rollup/histogram';
import { rollupAnswers } from './rollup/source';
import { rollupStoryComparison } from './rollup/stories';
import { rollupCodedTerms } from './rollup/terms';
import { rollupTopAuthors } from './rollup/top-authors';
import { analyticsScope, type AnalyticsScope } from './scope';
import { scoreHistogram } from './score-histogram';
import { storyComparison } from './story-comparison';
import { topAuthors } from './top-authors';

export { activityOverTime, type ActivityRow } from './activity-over-time';
export { classifierAgreement, type AgreementRow } from './agreement';
export { topCodedTerms, type CodedTermRow } from './coded-terms';
export {
  flaggedShareByArticle,
  flaggedShareByLabel,
  flaggedShareByOutlet,
  type ArticleShareRow,
  type LabelShareRow,
  type OutletShareRow
} from './flagged-share';
export { outcomesOverTime, type OutcomeRow } from './outcomes-over-time';
export { analyticsScope, type AnalyticsScope } from './scope';
export { HISTOGRAM_BINS, scoreHistogram, type HistogramRow } from './score-histogram';
export { storyComparison, type StoryOutletRow } from './story-comparison';
export type { BucketUnit } from './time-buckets';
export { topAuthors, type AuthorRow } from './top-authors';

type Series<Row> = (scope: AnalyticsScope) => Promise<Row>;

/** The series the rollup answers, each as [live, from the rollup]. */
const rolledUp = {
  histogram: [scoreHistogram, rollupHistogram],
  byLabel: [flaggedShareByLabel, rollupShareByLabel],
  byOutlet: [flaggedShareByOutlet, rollupShareByOutlet],
  byArticle: [flaggedShareByArticle, rollupShareByArticle],
  stories: [storyComparison, rollupStoryComparison],
  activity: [activityOverTime, rollupActivity],
  agreement: [classifierAgreement, rollupAgreement],
  authors: [topAuthors, rollupTopAuthors],
  codedTerms: [topCodedTerms, rollupCodedTerms]
} satisfies Record<string, [Series<unknown>, Series<unknown>]>;

/**
 * Where the counts came from: null when read live; else when the rollup was built, and
 * whether it is current (false: another request is rebuilding it, these are as of builtAt).
 */
export type SeriesSource = { builtAt: string; current: boolean } | null;

/**
 * Every series for one filter: what the page draws and the API returns. `live` skips the
 * rollup, so a test (or a doubt) can compare it with the comments themselves.
 */
export async function analyticsSeries(
  db: Kysely<Schema>,
  filter: ReportFilter,
  { live = false }: { live?: boolean } = {}
) {
  const scope = analyticsScope(db, filter);
  const rollup = !live && rollupAnswers(filter) ? await currentRollup(db) : null;
  const pick = <Key extends keyof typeof rolledUp>(key: Key) =>
    rolledUp[key][rollup === null ? 0 : 1] as (typeof rolledUp)[Key][0];
  const [
    histogram,
    byLabel,
    byOutlet,
    byArticle,
    stories,
    authors,
    codedTerms,
    activity,
    outcomes,
    agreement
  ] = await Promise.all([
    pick('histogram')(scope),
    pick('byLabel')(scope),
    pick('byOutlet')(scope),
    pick('byArticle')(scope),
    pick('stories')(scope),
    pick('authors')(scope),
    pick('codedTerms')(scope),
    pick('activity')(scope),
    outcomesOverTime(scope),
    pick('agreement')(scope)
  ]);
  const source: SeriesSource =
    rollup === null ? null : { builtAt: rollup.builtAt.toISOString(), current: rollup.current };
  return {
    labels: [...scope.labels],
    histogram,
    flaggedShare: { byLabel, byOutlet, byArticle },
    stories,
    authors,
    codedTerms,
    activity,
    outcomes,
    agreement,
    source
  };
}

export type AnalyticsSeries = Awaited<ReturnType<typeof analyticsSeries>>;
