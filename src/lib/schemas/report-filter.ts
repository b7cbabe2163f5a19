/**
 * Which comments a moderation report covers, shared by the /reports page, the
 * `/api/v1/reports/[kind]` endpoint and `cli export`: one schema, so a filter means the
 * same everywhere and a bad value gets the same message. Query strings and forms give
 * strings (or repeated fields), the CLI gives strings; absent or blank fields don't filter.
 *
 * Keys are the names people type: `?from=2024-05-01&status=removed&status=escalated`,
 * `--from 2024-05-01 --status removed,escalated`.
 */
import { z } from 'zod';
import { LABELS } from '../server/classify/types';
import { MODERATION_STATUSES } from './decision';

export const REPORT_FORMATS = ['csv', 'json', 'ndjson', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The filter's keys, in the order forms, URLs and the audit trail show them. */
export const REPORT_FILTER_FIELDS = [
  'from',
  'to',
  'outlet',
  'article',
  'story',
  'status',
  'label'
] as const;

const blankAsAbsent = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** 'a,b', ['a', 'b'] or ['a,b'] → ['a', 'b']; nothing → []. */
const listOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
        .flatMap((item) => String(item).split(','))
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    z.array(z.enum(values, { error: () => `${what} must be one of ${values.join(', ')}` }))
  );

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_HINT = 'use YYYY-MM-DD or an ISO 8601 time such as 2024-05-01T12:00:00Z';

/**
 * A day (UTC) or an exact ISO 8601 time. `end` makes a bare day inclusive: `--to 2024-05-01`
 * covers that whole day, so the bound is the start of the next one (compared with `<`).
 */
const dateBound = (name: string, end: boolean) =>
  z.preprocess(
    blankAsAbsent,
    z
      .string()
      .trim()
      .transform((text, context) => {
        const dateOnly = DATE_ONLY.test(text);
        const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
        const parsed = new Date(dateOnly ? `${text}T00:00:00Z` : text);
        const valid =
          (dateOnly || isoTime.test(text)) &&
          !Number.isNaN(parsed.getTime()) &&
          // 2024-02-31 parses (as 2 March); refuse it rather than move the bound.
          (!dateOnly || parsed.toISOString().slice(0, 10) === text);
        if (!valid) {
          context.addIssue({
            code: 'custom',
            message: `${name}: "${text}" is not a date: ${DATE_HINT}`
          });
          return z.NEVER;
        }
        if (dateOnly && end) parsed.setUTCDate(parsed.getUTCDate() + 1);
        return { text, at: parsed, exclusive: dateOnly && end };
      })
      .optional()
  );

export const reportFilterSchema = z
  .object({
    /** Comment time (posted_at, or the document's ingest time when the page gave none). */
    from: dateBound('from', false),
    to: dateBound('to', true),
    outlet: z.preprocess(blankAsAbsent, z.string().trim().min(1).max(200).optional()),
    article: z.preprocess(
      blankAsAbsent,
      z.coerce
        .number({ error: () => 'article must be an article id (a whole number)' })
        .int('article must be an article id (a whole number)')
        .positive('article must be an article id (a whole number)')
        .optional()
    ),
    /** A story group (syndicated copies of one story, see server/stories). */
    story: z.preprocess(
      blankAsAbsent,
      z.coerce
        .number({ error: () => 'story must be a story group id (a whole number)' })
        .int('story must be a story group id (a whole number)')
        .positive('story must be a story group id (a whole number)')
        .optional()
    ),
    /** Any of these current statuses; pending includes comments nobody has decided on. */
    status: listOf(MODERATION_STATUSES, 'status'),
    /** Flagged as any of these labels by the latest classification. */
    label: listOf(LABELS, 'label')
  })
  .refine(
    (filter) => !filter.from || !filter.to || filter.from.at.getTime() < filter.to.at.getTime(),
    { path: ['to'], message: 'to must be after from' }
  );

export type ReportFilter = z.output<typeof reportFilterSchema>;

/** The filter as people wrote it: what the audit trail stores and the page shows. */
export function describeReportFilter(filter: ReportFilter): Record<string, string | number> {
  const described: Record<string, string | number> = {};
  if (filter.from) described.from = filter.from.text;
  if (filter.to) described.to = filter.to.text;
  if (filter.outlet !== undefined) described.outlet = filter.outlet;
  if (filter.article !== undefined) described.article = filter.article;
  if (filter.story !== undefined) described.story = filter.story;
  if (filter.status.length > 0) described.status = filter.status.join(',');
  if (filter.label.length > 0) described.label = filter.label.join(',');
  return described;
}

/** A URL's query (repeated keys kept) in the shape reportFilterSchema reads. */
export function reportFilterInput(params: URLSearchParams): Record<string, string[] | string> {
  return Object.fromEntries(
    REPORT_FILTER_FIELDS.map((field) => {
      const values = params.getAll(field);
      return [field, values.length > 1 ? values : (values[0] ?? '')];
    })
  );
}

/** "from: … is not a date" lines, one per problem, for a message or a form. */
export function reportFilterIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.code === 'custom' || issue.message.startsWith(String(issue.path[0]))
      ? issue.message
      : `${issue.path.join('.')}: ${issue.message}`
  );
}
