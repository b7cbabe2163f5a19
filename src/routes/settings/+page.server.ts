import { error, fail } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { LABELS } from '$lib/server/classify/types';
import {
  flaggedCounts,
  resetThreshold,
  saveThreshold,
  scoreBuckets,
  thresholdsInForce,
  type ThresholdOutcome
} from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { db } = await appDatabase();
  const [thresholds, flaggedNow, buckets] = await Promise.all([
    thresholdsInForce(db),
    flaggedCounts(db),
    Promise.all(LABELS.map((label) => scoreBuckets(db, label)))
  ]);
  return {
    thresholds: thresholds.map((row, index) => ({
      ...row,
      flaggedNow: flaggedNow[row.label],
      buckets: buckets[index]!
    }))
  };
};

/** A refused change keeps the typed value and names the label, for the form that sent it. */
function answer(outcome: ThresholdOutcome, form: FormData, verb: string) {
  if (!outcome.ok)
    return fail(400, {
      label: String(form.get('label') ?? ''),
      typed: String(form.get('threshold') ?? ''),
      message: outcome.message
    });
  return {
    label: outcome.label,
    notice: `${verb} ${outcome.label}: ${outcome.from} → ${outcome.to}; ${outcome.reflagged} stored verdicts re-flagged.`
  };
}

export const actions: Actions = {
  save: async ({ request, locals }) => {
    if (locals.user === null) error(401, 'Sign in first');
    const form = await request.formData();
    const { db } = await appDatabase();
    const outcome = await saveThreshold(db, {
      label: form.get('label'),
      threshold: form.get('threshold'),
      userId: locals.user.id
    });
    return answer(outcome, form, 'Saved');
  },
  reset: async ({ request, locals }) => {
    if (locals.user === null) error(401, 'Sign in first');
    const form = await request.formData();
    const { db } = await appDatabase();
    const outcome = await resetThreshold(db, { label: form.get('label'), userId: locals.user.id });
    return answer(outcome, form, 'Reset');
  }
};
