/**
 * Every migration, by name. A static list because the migrations must load the same way
 * under tsx (CLI), vite (app) and vitest, where reading the folder at runtime does not work.
 * Names sort in the order they run: add new ones at the end with a later date prefix.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-23-0001-initial';
import * as classification from './2026-11-23-0002-classification';
import * as accounts from './2026-11-23-0003-accounts';
import * as moderation from './2026-11-23-0004-moderation';
import * as settings from './2026-11-23-0005-settings';
import * as storyGroups from './2026-11-23-0006-story-groups';
import * as lastSignIn from './2026-11-23-0007-last-sign-in';
import * as storyWindow from './2026-11-23-0008-story-window';
import * as queueAuthorStats from './2026-11-23-0009-queue-author-stats';
import * as scoresArticle from './2026-11-23-0010-scores-article';
import * as analyticsRollup from './2026-11-23-0011-analytics-rollup';
import * as analyticsRollupTotals from './2026-11-23-0012-analytics-rollup-totals';
import * as queueSearchText from './2026-11-23-0013-queue-search-text';
import * as analyticsAuthorsAndTerms from './2026-11-23-0014-analytics-authors-and-terms';

const migrations: Record<string, Migration> = {
  '2026-11-23-0001-initial': initial,
  '2026-11-23-0002-classification': classification,
  '2026-11-23-0003-accounts': accounts,
  '2026-11-23-0004-moderation': moderation,
  '2026-11-23-0005-settings': settings,
  '2026-11-23-0006-story-groups': storyGroups,
  '2026-11-23-0007-last-sign-in': lastSignIn,
  '2026-11-23-0008-story-window': storyWindow,
  '2026-11-23-0009-queue-author-stats': queueAuthorStats,
  '2026-11-23-0010-scores-article': scoresArticle,
  '2026-11-23-0011-analytics-rollup': analyticsRollup,
  '2026-11-23-0012-analytics-rollup-totals': analyticsRollupTotals,
  '2026-11-23-0013-queue-search-text': queueSearchText,
  '2026-11-23-0014-analytics-authors-and-terms': analyticsAuthorsAndTerms
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations
};
