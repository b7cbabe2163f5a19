/**
 * The classifier built from the database's settings (thresholds and lexicon, over the
 * shipped files, under configuration). Workers ask for it before each batch: a fingerprint
 * query decides whether anything changed since the last build, and only then is the
 * lexicon recompiled; the learned components, which load weights, are loaded once.
 */
import type { Kysely } from 'kysely';
import { config } from '../config';
import {
  assembleWithSettings,
  loadLearnedComponents,
  type AdminSettings,
  type AssemblyOptions,
  type ClassifierSettings
} from '../classify';
import type { Classifier, ClassifierComponent } from '../classify/types';
import type { Schema } from '../db/schema';
import { settingsFingerprint } from './fingerprint';
import { compileLexiconInForce, loadLexiconInForce } from './lexicon-in-force';
import { storedThresholdValues } from './thresholds.repository';

/** What the settings pages stored, ready for createClassifier / assembleWithSettings. */
export async function loadAdminSettings(db: Kysely<Schema>): Promise<AdminSettings> {
  const [lexicon, thresholds] = await Promise.all([
    loadLexiconInForce(db),
    storedThresholdValues(db)
  ]);
  return { lexicon: compileLexiconInForce(lexicon), thresholds };
}

/**
 * A function answering the classifier in force, for runWorker and the settings pages.
 * Two calls after the same change may both rebuild; the results are equal.
 */
export function classifierFromSettings(
  db: Kysely<Schema>,
  settings: ClassifierSettings = config(),
  options: AssemblyOptions = {}
): () => Promise<Classifier> {
  let learned: Promise<ClassifierComponent[]> | undefined;
  let built: { fingerprint: string; classifier: Classifier } | undefined;
  return async () => {
    const fingerprint = await settingsFingerprint(db);
    if (built?.fingerprint === fingerprint) return built.classifier;
    learned ??= loadLearnedComponents(settings);
    const classifier = assembleWithSettings(
      await learned,
      settings,
      await loadAdminSettings(db),
      options
    );
    built = { fingerprint, classifier };
    return classifier;
  };
}
