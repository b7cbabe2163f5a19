/**
 * The checks every chrono-free timestamp reader shares (common-timestamps.ts): a date that
 * chrono would refuse or read differently — a day past the month's end, a year outside the
 * range parseTimestamp accepts, a weekday that is not the date's — gives undefined, so that
 * chrono reads it instead and the two paths can never disagree.
 */

export interface TimestampParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23, already converted from a 12-hour clock; undefined for a date alone (midnight). */
  hour?: number;
  minute?: number;
  /** 0 = Sunday … 6 = Saturday, when the text names a weekday. */
  weekday?: number;
}

/** The years parseTimestamp accepts (timestamp.ts); chrono's answer outside them is null. */
const YEARS = { first: 1990, last: 2100 };

/** The ISO 8601 UTC instant of `parts`, or undefined when chrono must decide. */
export function isoFromParts(parts: TimestampParts): string | undefined {
  const { year, month, day, hour = 0, minute = 0, weekday } = parts;
  if (year < YEARS.first || year > YEARS.last) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  // chrono ignores a weekday that contradicts the date; such text is odd enough to leave to it.
  if (weekday !== undefined && weekdayOf(year, month, day) !== weekday) return undefined;
  // What Date#toISOString prints for these ranges (a four-digit year), without building a
  // Date: this runs once per comment, and the Date round trip was a tenth of a WordPress page's parse.
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00.000Z`;
}

/** "3:05 pm" → 15, "12:30 am" → 0; undefined for an hour a 12-hour clock does not show. */
export function hourFrom12(hour: number, meridiem: string): number | undefined {
  if (hour < 1 || hour > 12) return undefined;
  return (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
}

/** A lower-cased name → number table from names listed in order (months from 1, weekdays from 0). */
export function numbered(
  groups: readonly (readonly string[])[],
  first: number
): Map<string, number> {
  const table = new Map<string, number>();
  groups.forEach((names, index) => {
    for (const name of names) table.set(name.toLowerCase(), index + first);
  });
  return table;
}

/**
 * A month written as a word: its number, or undefined for a name not in `months` or a full
 * name with a full stop (only `abbreviated` names take one: "Nov." but not "November.").
 */
export function namedMonth(
  months: ReadonlyMap<string, number>,
  abbreviated: ReadonlySet<string>,
  name: string,
  dot: string
): number | undefined {
  const key = name.toLowerCase();
  const month = months.get(key);
  return month === undefined || (dot !== '' && !abbreviated.has(key)) ? undefined : month;
}

/** A 24-hour time captured as text; nothing for a date alone. */
export function clock(
  hour: string | undefined,
  minute: string | undefined
): Pick<TimestampParts, 'hour' | 'minute'> {
  return hour === undefined ? {} : { hour: Number(hour), minute: Number(minute) };
}

/** A day-first dotted date, `[, day, month, year, hour?, minute?]` of its match (10.11.2016). */
export function isoFromDotted(match: RegExpExecArray): string | undefined {
  const [, day, month, year, hour, minute] = match;
  return isoFromParts({
    year: Number(year),
    month: Number(month),
    day: Number(day),
    ...clock(hour, minute)
  });
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** 0 = Sunday; 1 January 1970 was a Thursday. */
function weekdayOf(year: number, month: number, day: number): number {
  return (Math.floor(Date.UTC(year, month - 1, day) / 86_400_000) + 4) % 7;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
