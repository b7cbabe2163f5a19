/**
 * Reading a submitted form for a zod schema, and turning its issues into one message per
 * field, so a page can show each error next to its field and refill what was typed.
 */
import type { z } from 'zod';

/** Every text field of the form (files and repeated names ignored: these forms have none). */
export function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/** The first message per field; issues without a path go under `form`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}
