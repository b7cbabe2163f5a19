/**
 * The decision form's fields as `decide` takes them. One form serves every action, so
 * the reason select is sent with approve too: it counts only when removing, and an
 * empty note is no note.
 */
import type { DecisionInput } from '$lib/schemas/decision';

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function readDecisionForm(form: FormData): DecisionInput {
  const action = field(form, 'action') as DecisionInput['action'];
  return {
    action,
    reason: action === 'remove' ? (field(form, 'reason') as DecisionInput['reason']) : undefined,
    note: field(form, 'note'),
    // A missing version must fail validation, not read as version 0.
    expectedVersion: field(form, 'expectedVersion') ?? 'missing'
  };
}
