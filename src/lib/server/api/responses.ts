/**
 * The JSON API's answers. Every failure has one shape, so a script checks one thing:
 * `{ error: { code, message, issues? } }`, where `code` is stable and `message` is for
 * people; bad input also lists each field's problem (zod's messages) under `issues`.
 * The guard's own 401/403 answers come before any of this (see auth/guard.ts).
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';

/** unauthorized and forbidden come from the guard (auth/guard.ts), the rest from here. */
export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_input'
  | 'invalid_json'
  | 'not_found'
  | 'too_large'
  | 'unsupported_media_type'
  | 'stale_version'
  | 'nothing_to_undo';

export interface FieldIssue {
  /** The field's name (dotted for nested ones); null for the input as a whole. */
  field: string | null;
  message: string;
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: Record<string, unknown> = {}
): Response {
  return json({ error: { code, message, ...extra } }, { status });
}

export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.length === 0 ? null : issue.path.map(String).join('.'),
    message: issue.message
  }));
}

/** 400 with each field's problem; the message names them all, for a person reading a log. */
export function invalidInput(issues: readonly FieldIssue[]): Response {
  const message = issues
    .map(({ field, message }) => (field === null ? message : `${field}: ${message}`))
    .join('; ');
  return apiError(400, 'invalid_input', message, { issues });
}

export function notFound(what: string): Response {
  return apiError(404, 'not_found', `No such ${what}`);
}
