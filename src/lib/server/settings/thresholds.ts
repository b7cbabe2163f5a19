/**
 * The thresholds on /settings: what is in force per label and where it comes from, and
 * saving or resetting the settings page's value. A change is one transaction: the row, its
 * audit event, and the stored verdicts re-flagged with the new thresholds, so the queue
 * shows the change at once and never half of it.
 */
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit';
import type { ClassifierSettings } from '../classify';
import {
  readThresholdsFile,
  resolveThresholds,
  resolveThresholdSources,
  type ResolvedThreshold,
  type ThresholdsFile
} from '../classify/thresholds';
import { LABELS, type Label } from '../classify/types';
import { config, thresholdVariable } from '../config';
import type { Schema } from '../db/schema';
import { thresholdChangeSchema, thresholdResetSchema } from '../../schemas/threshold';
import { reflagStoredVerdicts } from './reflag';
import {
  deleteThreshold,
  listStoredThresholds,
  storedThresholdValues,
  upsertThreshold
} from './thresholds.repository';

export interface ThresholdInForce extends ResolvedThreshold {
  label: Label;
  /** Set when configuration fixes the value: the page is then read-only for this label. */
  variable: string | null;
  /** Who set the settings page's value and when (source 'settings'). */
  updatedBy: string | null;
  updatedAt: Date | null;
  /** models/thresholds.json's value and its dev-split metrics, when the file has them. */
  fileThreshold: number | null;
  fileMetrics: NonNullable<ThresholdsFile['metrics']>[Label] | null;
}

export async function thresholdsInForce(
  db: Kysely<Schema>,
  settings: ClassifierSettings = config()
): Promise<ThresholdInForce[]> {
  const file = readThresholdsFile(settings.modelsDir);
  const stored = await listStoredThresholds(db);
  const storedByLabel = new Map(stored.map((row) => [row.label, row]));
  const resolved = resolveThresholdSources(
    file,
    settings.thresholds,
    Object.fromEntries(stored.map((row) => [row.label, row.threshold]))
  );
  return LABELS.map((label) => ({
    label,
    ...resolved[label],
    variable: settings.thresholds[label] === undefined ? null : thresholdVariable(label),
    updatedBy: storedByLabel.get(label)?.updatedBy ?? null,
    updatedAt: storedByLabel.get(label)?.updatedAt ?? null,
    fileThreshold: file?.thresholds[label] ?? null,
    fileMetrics: file?.metrics?.[label] ?? null
  }));
}

export type ThresholdOutcome =
  | { ok: true; label: Label; from: number; to: number; reflagged: number }
  | { ok: false; field: 'label' | 'threshold'; message: string };

/** Saves the settings page's value for a label (validated here: forms and code alike). */
export function saveThreshold(
  db: Kysely<Schema>,
  input: { label: unknown; threshold: unknown; userId: number | null },
  settings: ClassifierSettings = config()
): Promise<ThresholdOutcome> {
  const parsed = thresholdChangeSchema.safeParse(input);
  if (!parsed.success) return Promise.resolve(firstProblem(parsed.error.issues));
  const { label, threshold } = parsed.data;
  return changeThreshold(db, settings, label, input.userId, 'threshold.set', (trx) =>
    upsertThreshold(trx, { label, threshold, userId: input.userId })
  );
}

/** Removes the settings page's value: the file's (or the default) is in force again. */
export function resetThreshold(
  db: Kysely<Schema>,
  input: { label: unknown; userId: number | null },
  settings: ClassifierSettings = config()
): Promise<ThresholdOutcome> {
  const parsed = thresholdResetSchema.safeParse(input);
  if (!parsed.success) return Promise.resolve(firstProblem(parsed.error.issues));
  const { label } = parsed.data;
  return changeThreshold(db, settings, label, input.userId, 'threshold.reset', (trx) =>
    deleteThreshold(trx, label)
  );
}

async function changeThreshold(
  db: Kysely<Schema>,
  settings: ClassifierSettings,
  label: Label,
  userId: number | null,
  action: string,
  change: (trx: Kysely<Schema>) => Promise<unknown>
): Promise<ThresholdOutcome> {
  const variable = settings.thresholds[label] === undefined ? null : thresholdVariable(label);
  if (variable !== null)
    return {
      ok: false,
      field: 'threshold',
      message: `${label}'s threshold is fixed by configuration (${variable}); change it there.`
    };
  const file = readThresholdsFile(settings.modelsDir);
  return db.transaction().execute(async (trx) => {
    const inForce = async () =>
      resolveThresholds(file, settings.thresholds, await storedThresholdValues(trx));
    const from = (await inForce())[label];
    await change(trx);
    const thresholds = await inForce();
    const to = thresholds[label];
    await recordAuditEvent(trx, { userId, action, detail: { label, from, to } });
    const reflagged = await reflagStoredVerdicts(trx, thresholds);
    return { ok: true, label, from, to, reflagged };
  });
}

function firstProblem(
  issues: readonly { path: PropertyKey[]; message: string }[]
): ThresholdOutcome {
  const issue = issues[0]!;
  return {
    ok: false,
    field: issue.path[0] === 'label' ? 'label' : 'threshold',
    message: issue.message
  };
}
