/**
 * Reading the queue page's POSTed forms into the moderation core's inputs. Forms send
 * strings; zod at this boundary turns them into typed values or a message for fail(400).
 */
import { z } from 'zod';
import { DECISION_ACTIONS, REMOVE_REASONS } from '$lib/schemas/decision';
import { queueFilterSchema, type QueueFilter } from '$lib/schemas/queue-filter';
import type { SelectedComment } from '$lib/server/moderation';

/** The filter fields the page's GET form and the filter-wide form share. */
export const FILTER_FIELDS = [
  'label',
  'articleId',
  'outlet',
  'storyGroupId',
  'author',
  'minScore',
  'maxScore',
  'status',
  'text'
] as const;

const blankAsAbsent = (value: unknown) => (value === '' || value === null ? undefined : value);

/** The decision itself, shared by the one-comment and the bulk forms. */
const decisionFields = {
  action: z.enum(DECISION_ACTIONS),
  // A reason picked before switching to approve is not an error: it only counts on remove.
  reason: z.preprocess(blankAsAbsent, z.enum(REMOVE_REASONS).optional()),
  note: z.preprocess(blankAsAbsent, z.string().trim().max(2000).optional())
};

const oneDecisionSchema = z.object({
  commentId: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().min(0),
  ...decisionFields
});

/** "id:version" pairs from the selection checkboxes. */
const selectedSchema = z
  .array(z.string().regex(/^\d+:\d+$/, 'A selected comment is not in the id:version form'))
  .min(1, 'Select at least one comment first');

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function firstMessage(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

/** Drops the reason unless removing, so the decision schema only sees what applies. */
function decisionOf(fields: { action: string; reason?: string; note?: string }) {
  return fields.action === 'remove' ? fields : { ...fields, reason: undefined };
}

export function parseOneDecision(form: FormData) {
  const parsed = oneDecisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: firstMessage(parsed.error) } as const;
  return { ok: true, value: decisionOf(parsed.data) as typeof parsed.data } as const;
}

const bulkDecisionSchema = z.object(decisionFields);

export function parseBulkDecision(form: FormData) {
  const parsed = bulkDecisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: firstMessage(parsed.error) } as const;
  return { ok: true, value: decisionOf(parsed.data) as typeof parsed.data } as const;
}

export function parseSelected(form: FormData): Parsed<SelectedComment[]> {
  const parsed = selectedSchema.safeParse(form.getAll('selected'));
  if (!parsed.success) return { ok: false, message: firstMessage(parsed.error) };
  return {
    ok: true,
    value: parsed.data.map((pair) => {
      const [commentId, expectedVersion] = pair.split(':').map(Number);
      return { commentId: commentId!, expectedVersion: expectedVersion! };
    })
  };
}

/** The filter a filter-wide form carries in hidden fields, and the count it confirmed. */
export function parseFilterWide(
  form: FormData
): Parsed<{ filter: QueueFilter; expectedCount: number }> {
  const filter = queueFilterSchema.safeParse(
    Object.fromEntries(FILTER_FIELDS.map((field) => [field, form.get(field) ?? undefined]))
  );
  if (!filter.success) return { ok: false, message: firstMessage(filter.error) };
  const expectedCount = z.coerce.number().int().min(0).safeParse(form.get('expectedCount'));
  if (!expectedCount.success) return { ok: false, message: 'The confirmed count is missing' };
  return { ok: true, value: { filter: filter.data, expectedCount: expectedCount.data } };
}
