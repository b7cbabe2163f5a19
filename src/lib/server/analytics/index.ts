/**
 * Analytics: SQL aggregates over the report filter's comments, one query per series, each
 * returning chart-ready plain rows. /analytics draws them; GET /api/v1/analytics returns
 * them as JSON.
 */
import type { Kysely } from 'kysely';
import type { ReportFilter } from '../../schemas/report-filter';
import type { Schema } from '../db/schema';
import { activityOverTime } from './activity-over-time';
import { classifierAgreement } from './agreement';
import { topCodedTerms } from './coded-terms';
import { flaggedShareByArticle, flaggedShareByLabel, flaggedShareByOutlet } from './flagged-share';
import { outcomesOverTime } from './outcomes-over-time';
import { analyticsScope } from './scope';
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

/** Every series for one filter: what the page draws and the API returns. */
export async function analyticsSeries(db: Kysely<Schema>, filter: ReportFilter) {
  const scope = analyticsScope(db, filter);
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
    scoreHistogram(scope),
    flaggedShareByLabel(scope),
    flaggedShareByOutlet(scope),
    flaggedShareByArticle(scope),
    storyComparison(scope),
    topAuthors(scope),
    topCodedTerms(scope),
    activityOverTime(scope),
    outcomesOverTime(scope),
    classifierAgreement(scope)
  ]);
  return {
    labels: [...scope.labels],
    histogram,
    flaggedShare: { byLabel, byOutlet, byArticle },
    stories,
    authors,
    codedTerms,
    activity,
    outcomes,
    agreement
  };
}

export type AnalyticsSeries = Awaited<ReturnType<typeof analyticsSeries>>;
