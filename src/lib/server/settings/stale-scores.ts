/**
 * Comments whose stored verdict came from another lexicon than the one in force: what a
 * re-score after a lexicon change would touch. Queueing them reuses
 * enqueueScoredByOtherVersions with the versions of the classifier built from the current
 * settings, so comments a different model scored are queued too.
 */
import type { Kysely } from 'kysely';
import { enqueueScoredByOtherVersions } from '../classify/jobs/enqueue';
import type { Classifier } from '../classify/types';
import type { Schema } from '../db/schema';

/** `version` as stored: `threadwatch-lexicon@<version>`. */
export async function countScoredByOtherLexicon(
  db: Kysely<Schema>,
  version: string
): Promise<number> {
  const row = await db
    .selectFrom('comment_scores')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) => eb.or([eb('lexicon_version', 'is', null), eb('lexicon_version', '!=', version)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function enqueueStaleComments(
  db: Kysely<Schema>,
  classifier: () => Promise<Classifier>
): Promise<number> {
  return enqueueScoredByOtherVersions(db, (await classifier()).versions);
}
