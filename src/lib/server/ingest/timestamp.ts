/**
 * Comment timestamps as pages show them → ISO 8601 in UTC.
 *
 * Only absolute dates are read: "10. November 2016 um 15:15 Uhr" yes; "3 hours ago",
 * "gestern", "Nov 10" without a year no — they depend on when the page was saved, which we
 * do not know. A time without a zone is taken as UTC (pages print local time without
 * saying which; a consistent rule beats a guess). A date without a time is midnight UTC.
 */
import * as chrono from 'chrono-node';
import { readCommonTimestamp } from './common-timestamps';

type Parser = Pick<typeof chrono, 'parse'>;

/**
 * An absolute date reads the same from two reference instants decades apart; a relative
 * one ("3 hours ago", "yesterday", a date without a year) does not. This catches relative
 * wording in every language chrono knows without a list of words per language.
 */
const REFERENCES = [
  new Date(Date.UTC(2001, 0, 1, 12)),
  new Date(Date.UTC(2031, 6, 1, 12))
] as const;
const MAX_RAW_LENGTH = 200;
const YEARS = { first: 1990, last: 2100 };

const CYRILLIC = /[\u0400-\u04ff]/;
/** Day-first numeric dates (10.11.2016), "10. November", "um 15:15 Uhr", German-only month names. */
const GERMAN_HINT =
  /\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{1,2}\.\s+\p{L}|\b(?:Uhr|um)\b|\b(?:Januar|Jänner|Februar|März|Maerz|Mai|Juni|Juli|Oktober|Dezember)\b/u;

export function parseTimestamp(raw: string): string | null {
  const text = raw.trim();
  // A date with a year has digits; skipping the rest keeps chrono off ordinary text.
  if (text.length > MAX_RAW_LENGTH || !/\d\d/.test(text)) return null;
  return readCommonTimestamp(text) ?? (mayStateYear(text) ? readWithChrono(text) : null);
}

/**
 * chrono's reading is kept only when it is the same at two references 30 years apart, so the
 * text itself must give the year: four digits in a row, a numeric date (10.11.16, 11/10/16,
 * 2016-11-10) or a month name beside two digits (Nov '16); Cyrillic text is always tried.
 * Without any of these ("12 hours ago", "Today, 09:12 AM", "Gestern um 21:03 Uhr", a title
 * "Top 10 …") chrono would answer null, at the cost of a full parse per locale.
 */
const YEAR_HINT =
  /\d{4}|\d\s*[./-]\s*\d|jan|jän|feb|m[aä]r|maerz|mrz|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|[\u0400-\u04ff]/i;

export function mayStateYear(text: string): boolean {
  return YEAR_HINT.test(text);
}

/** parseTimestamp the slow, general way: every locale chrono knows, read at both references. */
export function readWithChrono(text: string): string | null {
  const [first, second] = REFERENCES;
  for (const parser of parsersFor(text)) {
    // Most text chrono is asked about is no date at all: one reading says so, not two.
    const reading = readAt(parser, text, first);
    if (reading === null) continue;
    return reading === readAt(parser, text, second) ? reading : null;
  }
  return null;
}

function parsersFor(text: string): Parser[] {
  if (CYRILLIC.test(text)) return [chrono.ru];
  if (GERMAN_HINT.test(text)) return [chrono.de, chrono.en];
  return [chrono.en, chrono.de];
}

function readAt(parser: Parser, text: string, reference: Date): string | null {
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(text, reference);
  } catch {
    return null;
  }
  const start = results[0]?.start;
  if (!start || !start.isCertain('day') || !start.isCertain('month')) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  if (year < YEARS.first || year > YEARS.last) return null;
  const timed = start.isCertain('hour');
  const utc = Date.UTC(
    year,
    month - 1,
    day,
    timed ? (start.get('hour') ?? 0) : 0,
    timed ? (start.get('minute') ?? 0) : 0,
    timed ? (start.get('second') ?? 0) : 0
  );
  const offsetMinutes = start.isCertain('timezoneOffset') ? (start.get('timezoneOffset') ?? 0) : 0;
  const instant = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const UNIX_TIME = /^\d{10}(?:\d{3})?$/;

/**
 * Machine-readable times (a `<time datetime>`, a meta tag, a unix timestamp, or what a
 * format set as postedAt) → ISO 8601 UTC; anything else is read as page text. A time
 * without a zone is UTC, as in parseTimestamp.
 */
export function normaliseTimestamp(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const zone = iso[3] ? iso[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
    return inRange(new Date(`${iso[1]}T${iso[2] ?? '00:00'}${zone.toUpperCase()}`));
  }
  if (UNIX_TIME.test(text))
    return inRange(new Date(Number(text) * (text.length === 10 ? 1000 : 1)));
  return parseTimestamp(text);
}

function inRange(instant: Date): string | null {
  const year = instant.getUTCFullYear();
  if (Number.isNaN(year) || year < YEARS.first || year > YEARS.last) return null;
  return instant.toISOString();
}
