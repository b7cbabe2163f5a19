/** Admin settings stored in the database: thresholds and lexicon, and the classifier they make. */
export { classifierFromSettings, loadAdminSettings } from './classifier-source';
export { settingsFingerprint, settingsFingerprintSql } from './fingerprint';
export {
  addLexiconEntry,
  setLexiconEntryDisabled,
  setLexiconExplanation,
  type FieldErrors,
  type LexiconOutcome
} from './lexicon';
export {
  compileLexiconInForce,
  loadLexiconInForce,
  type LexiconEntryInForce,
  type LexiconInForce
} from './lexicon-in-force';
export { reflagStoredVerdicts } from './reflag';
export { flaggedCounts, scoreBuckets } from './score-buckets.repository';
export {
  resetThreshold,
  saveThreshold,
  thresholdsInForce,
  type ThresholdInForce,
  type ThresholdOutcome
} from './thresholds';
export { countScoredByOtherLexicon, enqueueStaleComments } from './stale-scores';
