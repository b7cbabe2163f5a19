export { claimJobs, countJobsLeftToClaim, extendLeases, type ClaimedJob } from './claim';
export { completeJobs, type Completion, type JobVerdict } from './complete';
export {
  enqueueAllComments,
  enqueueComments,
  enqueueCommentsOfArticle,
  enqueueScoredByOtherVersions
} from './enqueue';
export { countJobsByStatus, type JobCounts } from './job-counts';
export { retryOrFailJobs, type JobFailure, type RetryPolicy } from './retry';
export { findCommentScores, type CommentScores } from './scores.repository';
export type { BatchReport } from './batch';
export {
  newWorkerId,
  runWorker,
  type ClassifierInForce,
  type WorkerOptions,
  type WorkerSummary
} from './worker';
