/**
 * A moderator's decision on one comment, as forms, the API and the CLI submit it. One
 * schema, so "remove needs a reason from the list" is enforced the same way everywhere.
 */
import { z } from 'zod';

export const DECISION_ACTIONS = ['approve', 'remove', 'escalate', 'undo'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** Why a comment was removed: a fixed list, so outcomes can be counted per reason. */
export const REMOVE_REASONS = [
  'spam',
  'harassment',
  'hate',
  'antisemitism',
  'threat',
  'off_topic',
  'other'
] as const;
export type RemoveReason = (typeof REMOVE_REASONS)[number];

export const MODERATION_STATUSES = ['pending', 'approved', 'removed', 'escalated'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** The status each action leads to; undo leads back to whatever came before. */
export const STATUS_AFTER: Record<Exclude<DecisionAction, 'undo'>, ModerationStatus> = {
  approve: 'approved',
  remove: 'removed',
  escalate: 'escalated'
};

/** What the moderator chose, and the version of the comment's status they were looking at. */
export const decisionInputSchema = z
  .object({
    action: z.enum(DECISION_ACTIONS),
    reason: z.enum(REMOVE_REASONS).optional(),
    note: z.string().trim().max(2000).optional(),
    expectedVersion: z.coerce.number().int().min(0)
  })
  .superRefine((input, context) => {
    if (input.action === 'remove' && input.reason === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `Removing a comment needs a reason: one of ${REMOVE_REASONS.join(', ')}`
      });
    }
    if (input.action !== 'remove' && input.reason !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'A reason from the list is only given when removing a comment'
      });
    }
  });

export type DecisionInput = z.input<typeof decisionInputSchema>;
export type ValidDecision = z.output<typeof decisionInputSchema>;
