/**
 * What the account form actions return (see $lib/server/forms/account-action.ts), as the
 * pages read it: a notice, a secret to show once, or field errors with the typed values.
 */
export interface FormOutcome {
  action?: string;
  notice?: string;
  secret?: { label: string; value: string };
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

/** The message for `field` when the last submission was `action` (on this row, if given). */
export function errorFor(
  outcome: FormOutcome | null | undefined,
  action: string,
  field: string,
  row?: { key: string; id: number }
): string | undefined {
  if (outcome?.action !== action || !outcome.errors) return undefined;
  if (row && outcome.values?.[row.key] !== String(row.id)) return undefined;
  return outcome.errors[field];
}

/** What was typed into `field` when `action` failed, to put back in the form. */
export function typedValue(
  outcome: FormOutcome | null | undefined,
  action: string,
  field: string
): string | undefined {
  return outcome?.action === action && outcome.errors ? outcome.values?.[field] : undefined;
}
