/**
 * One form action of the users, tokens and account pages: validate the form with its
 * schema, run the change, and turn an expected failure (bad input, AccountError) into
 * `fail(400)` carrying the field errors and what was typed — minus any password, which a
 * page never sends back.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { AccountError } from '../auth/accounts';
import { fieldErrors, formFields } from './form-fields';

export interface AccountActionFailure {
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

export async function accountAction<Schema extends z.ZodType, Result extends object>(
  request: Request,
  action: string,
  schema: Schema,
  run: (input: z.output<Schema>) => Promise<Result>
): Promise<(Result & { action: string }) | ActionFailure<AccountActionFailure>> {
  const fields = formFields(await request.formData());
  const values = Object.fromEntries(
    Object.entries(fields).filter(([name]) => !/password/i.test(name))
  );
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return fail(400, { action, values, errors: fieldErrors(parsed.error) });
  try {
    return { ...(await run(parsed.data)), action };
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    return fail(400, { action, values, errors: { [error.field ?? 'form']: error.message } });
  }
}
