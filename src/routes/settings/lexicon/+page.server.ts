import { error, fail } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { CATEGORIES } from '$lib/server/classify/lexicon/entries';
import { lexiconComponentVersion } from '$lib/server/classify/lexicon/component';
import { LABELS } from '$lib/server/classify/types';
import {
  addLexiconEntry,
  countScoredByOtherLexicon,
  enqueueStaleComments,
  loadLexiconInForce,
  setLexiconEntryDisabled,
  setLexiconExplanation
} from '$lib/server/settings';
import { appClassifier } from '$lib/server/settings/app-classifier';
import { readEntryForm } from './entry-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const { db } = await appDatabase();
  const lexicon = await loadLexiconInForce(db);
  const query = (url.searchParams.get('q') ?? '').trim();
  const category = url.searchParams.get('category') ?? '';
  const needle = query.toLowerCase();
  const entries = lexicon.entries.filter(
    ({ entry }) =>
      (category === '' || entry.category === category) &&
      (needle === '' ||
        [entry.id, entry.explanation, ...entry.forms, ...entry.patterns].some((text) =>
          text.toLowerCase().includes(needle)
        ))
  );
  const stale = await countScoredByOtherLexicon(db, lexiconComponentVersion(lexicon.version));
  return {
    version: lexicon.version,
    total: lexicon.entries.length,
    entries,
    stale,
    filter: { q: query, category },
    categories: CATEGORIES,
    labels: LABELS
  };
};

function who(locals: App.Locals): number {
  if (locals.user === null) error(401, 'Sign in first');
  return locals.user.id;
}

export const actions: Actions = {
  add: async ({ request, locals }) => {
    const userId = who(locals);
    const { db } = await appDatabase();
    const { typed, candidate } = readEntryForm(await request.formData());
    const outcome = await addLexiconEntry(db, candidate, userId);
    if (!outcome.ok) return fail(400, { action: 'add', typed, errors: outcome.errors });
    return {
      action: 'add',
      notice: `Added ${outcome.id}. It takes effect for stored comments when they are re-scored.`
    };
  },
  disable: ({ request, locals }) => toggle(request, locals, true),
  enable: ({ request, locals }) => toggle(request, locals, false),
  explain: async ({ request, locals }) => {
    const userId = who(locals);
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const explanation = String(form.get('explanation') ?? '');
    const { db } = await appDatabase();
    const outcome = await setLexiconExplanation(db, { id, explanation, userId });
    if (!outcome.ok)
      return fail(400, {
        action: 'explain',
        id,
        typedExplanation: explanation,
        errors: outcome.errors
      });
    return { action: 'explain', id, notice: `Saved the explanation of ${id}.` };
  },
  rescore: async ({ locals }) => {
    who(locals);
    const { db } = await appDatabase();
    const queued = await enqueueStaleComments(db, await appClassifier());
    return {
      action: 'rescore',
      notice: `Queued ${queued} comments for re-scoring; the worker scores them in the background.`
    };
  }
};

async function toggle(request: Request, locals: App.Locals, disabled: boolean) {
  const userId = who(locals);
  const id = String((await request.formData()).get('id') ?? '');
  const { db } = await appDatabase();
  const outcome = await setLexiconEntryDisabled(db, { id, disabled, userId });
  if (!outcome.ok) return fail(400, { action: 'toggle', id, errors: outcome.errors });
  return { action: 'toggle', id, notice: `${disabled ? 'Disabled' : 'Enabled'} ${id}.` };
}
