/**
 * Changing the lexicon from /settings/lexicon: add an entry, disable or enable one, reword
 * an explanation. Each change and its audit event are one transaction. Nothing here
 * re-scores: a change takes effect for comments scored after it (workers reload on their
 * next batch), and for stored ones when they are re-scored (rescore.ts).
 */
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit';
import { lexiconEntrySchema, type LexiconEntry } from '../classify/lexicon/entries';
import type { Schema } from '../db/schema';
import { loadLexiconInForce } from './lexicon-in-force';
import { insertLexiconEntry, upsertLexiconEdit } from './lexicon.repository';

/** Field → message, for the form; `form` holds what belongs to no single field. */
export type FieldErrors = Record<string, string>;

export type LexiconOutcome = { ok: true; id: string } | { ok: false; errors: FieldErrors };

export async function addLexiconEntry(
  db: Kysely<Schema>,
  candidate: unknown,
  userId: number | null
): Promise<LexiconOutcome> {
  const parsed = lexiconEntrySchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const entry = parsed.data;
  return db.transaction().execute(async (trx) => {
    if (await findEntry(trx, entry.id))
      return refused('id', `An entry with the id ${entry.id} exists already; choose another.`);
    if (!(await insertLexiconEntry(trx, entry, userId)))
      return refused('id', `An entry with the id ${entry.id} was just added; choose another.`);
    await recordAuditEvent(trx, {
      userId,
      action: 'lexicon.add',
      detail: { id: entry.id, category: entry.category }
    });
    return { ok: true, id: entry.id };
  });
}

export function setLexiconEntryDisabled(
  db: Kysely<Schema>,
  change: { id: string; disabled: boolean; userId: number | null }
): Promise<LexiconOutcome> {
  return db.transaction().execute(async (trx) => {
    const entry = await findEntry(trx, change.id);
    if (!entry) return refused('form', `There is no lexicon entry ${change.id}.`);
    await upsertLexiconEdit(trx, {
      entryId: change.id,
      disabled: change.disabled,
      userId: change.userId
    });
    await recordAuditEvent(trx, {
      userId: change.userId,
      action: change.disabled ? 'lexicon.disable' : 'lexicon.enable',
      detail: { id: change.id }
    });
    return { ok: true, id: change.id };
  });
}

export function setLexiconExplanation(
  db: Kysely<Schema>,
  change: { id: string; explanation: unknown; userId: number | null }
): Promise<LexiconOutcome> {
  return db.transaction().execute(async (trx) => {
    const entry = await findEntry(trx, change.id);
    if (!entry) return refused('form', `There is no lexicon entry ${change.id}.`);
    const explanation = typeof change.explanation === 'string' ? change.explanation.trim() : '';
    // The whole entry through its schema, so the rule for explanations lives in one place.
    const checked = lexiconEntrySchema.safeParse({ ...entry, explanation });
    if (!checked.success) return { ok: false, errors: fieldErrors(checked.error.issues) };
    await upsertLexiconEdit(trx, { entryId: change.id, explanation, userId: change.userId });
    await recordAuditEvent(trx, {
      userId: change.userId,
      action: 'lexicon.explain',
      detail: { id: change.id, from: entry.explanation, to: explanation }
    });
    return { ok: true, id: change.id };
  });
}

async function findEntry(db: Kysely<Schema>, id: string): Promise<LexiconEntry | undefined> {
  const lexicon = await loadLexiconInForce(db);
  return lexicon.entries.find(({ entry }) => entry.id === id)?.entry;
}

function refused(field: string, message: string): LexiconOutcome {
  return { ok: false, errors: { [field]: message } };
}

/** The first message per field; issues of the whole entry (its refinements) go to `form`. */
function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}
