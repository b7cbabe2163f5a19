/**
 * Query strings as the API takes them: each parameter checked by a zod object schema, and
 * unknown parameters refused rather than ignored — a script that misspells `label` should
 * hear about it, not get the whole queue back as if unfiltered.
 */
import { z } from 'zod';
import { fieldIssues, invalidInput, type FieldIssue } from './responses';

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

type ObjectSchema = z.ZodType & { shape: z.ZodRawShape };

/**
 * Parses the query string with each schema (an object schema; together their keys are the
 * parameters allowed) and reports every problem at once.
 */
export function parseQuery<Schemas extends Record<string, ObjectSchema>>(
  params: URLSearchParams,
  schemas: Schemas
): Parsed<{ [Key in keyof Schemas]: z.output<Schemas[Key]> }> {
  const allowed = Object.values(schemas).flatMap((schema) => Object.keys(schema.shape));
  const issues: FieldIssue[] = [];
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) {
      issues.push({ field: name, message: `unknown parameter; known: ${allowed.join(', ')}` });
    } else if (params.getAll(name).length > 1) {
      issues.push({ field: name, message: 'given more than once' });
    }
  }
  const values = Object.fromEntries(params);
  const parsed: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(schemas)) {
    const result = schema.safeParse(values);
    if (result.success) parsed[key] = result.data;
    else issues.push(...fieldIssues(result.error.issues));
  }
  if (issues.length > 0) return { ok: false, response: invalidInput(issues) };
  return { ok: true, value: parsed as { [Key in keyof Schemas]: z.output<Schemas[Key]> } };
}

/** `limit`: a page size from 1 to `max`; absent stays absent (see limitParam). */
export function pageSizeParam(max: number) {
  return z.coerce.number().int().min(1, `at least 1`).max(max, `at most ${max}`);
}

/** `limit`: a page size from 1 to `max`, `fallback` when absent. */
export function limitParam(fallback: number, max: number) {
  return pageSizeParam(max).default(fallback);
}
