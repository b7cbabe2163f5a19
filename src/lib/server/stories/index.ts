/** Story groups: syndicated copies and write-ups of one story, grouped at ingest. */
export { assignStoryGroup, type ArticleToGroup } from './assign';
export { groupInsertedArticles } from './group-batch';
export { fingerprintArticle, type ArticleFingerprint, type Fingerprint } from './fingerprint';
export { estimatedJaccard, minHashSignature, SIGNATURE_LENGTH } from './minhash';
export { groupMissingArticles, rebuildStoryGroups } from './rebuild';
export { COPY_THRESHOLD, COVERAGE_THRESHOLD, isSameStory, similarity } from './same-story';
export {
  listSameStoryArticles,
  listStoryGroups,
  listStoryGroupsWithArticles,
  type StoryGroupArticle,
  type StoryGroupListing,
  type StoryGroupSummary
} from './story-groups';
