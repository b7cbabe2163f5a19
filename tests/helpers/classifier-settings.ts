/**
 * Classifier settings for the settings tests: a models folder of their own (no trained
 * model, so only the lexicon scores and builds are instant), optionally with a
 * thresholds.json, and configuration overrides as THREADWATCH_THRESHOLD_<LABEL> would set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassifierSettings } from '../../src/lib/server/classify';
import type { ThresholdsFile } from '../../src/lib/server/classify/thresholds';
import type { Label } from '../../src/lib/server/classify/types';

export function lexiconOnlySettings(
  options: { file?: ThresholdsFile; configured?: Partial<Record<Label, number>> } = {}
): ClassifierSettings {
  const modelsDir = mkdtempSync(join(tmpdir(), 'threadwatch-settings-'));
  if (options.file) writeFileSync(join(modelsDir, 'thresholds.json'), JSON.stringify(options.file));
  return { modelsDir, transformersModel: undefined, thresholds: options.configured ?? {} };
}

/** An entry for a made-up word, so no shipped entry or model reacts to it. */
export const ZORBLAX = {
  id: 'test-zorblax',
  category: 'insult',
  forms: ['zorblax'],
  weights: { toxicity: 0.9, insult: 0.8 },
  explanation: 'A made-up insult that exists only in this test suite.',
  sources: ['the settings tests']
};
