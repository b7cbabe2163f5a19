/**
 * The review queue's filter, shared by the queue page's form, the API and the CLI. Absent
 * fields don't filter. Form and query-string values arrive as strings, hence the coercions
 * and empty strings meaning "no filter".
 */
import { z } from 'zod';
import { LABELS } from '../server/classify/types';
import { MODERATION_STATUSES } from './decision';

/** '' (an empty form field) → undefined, so it filters nothing. */
const blankAsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

const score = z.coerce.number().min(0).max(1);

export const queueFilterSchema = z
  .object({
    label: optional(z.enum(LABELS)),
    articleId: optional(z.coerce.number().int().positive()),
    outlet: optional(z.string().trim().min(1)),
    /** Comments under any article of this story group (copies of one story, see stories/). */
    storyGroupId: optional(z.coerce.number().int().positive()),
    /** The author's name exactly as stored. */
    author: optional(z.string().trim().min(1)),
    /** Bounds on the chosen label's score, or on the worst flagged score without a label. */
    minScore: optional(score),
    maxScore: optional(score),
    /** pending: no decision yet, or every decision undone. */
    status: z.preprocess(blankAsAbsent, z.enum(MODERATION_STATUSES).default('pending')),
    /** Case-insensitive substring of the comment's text. */
    text: optional(z.string().trim().min(1).max(200))
  })
  .refine(
    (filter) =>
      filter.minScore === undefined ||
      filter.maxScore === undefined ||
      filter.minScore <= filter.maxScore,
    { path: ['maxScore'], message: 'The highest score must not be below the lowest' }
  );

export type QueueFilterInput = z.input<typeof queueFilterSchema>;
export type QueueFilter = z.output<typeof queueFilterSchema>;
