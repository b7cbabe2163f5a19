/**
 * The web app's own classifier in force, for what the settings pages need from it (the
 * versions a re-score compares against). Built once per app process and rebuilt only when
 * the settings fingerprint changes, like a worker's.
 */
import { appDatabase } from '../app-database';
import type { Classifier } from '../classify/types';
import { classifierFromSettings } from './classifier-source';

let source: (() => Promise<Classifier>) | undefined;

export async function appClassifier(): Promise<() => Promise<Classifier>> {
  const { db } = await appDatabase();
  source ??= classifierFromSettings(db);
  return source;
}
