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
  const { year, month, day, hour, minute, weekday } = parts;
  if (year < YEARS.first || year > YEARS.last) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour !== undefined && (hour < 0 || hour > 23)) return undefined;
  if (minute !== undefined && (minute < 0 || minute > 59)) return undefined;
  const instant = new Date(Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0));
  // chrono ignores a weekday that contradicts the date; such text is odd enough to leave to it.
  if (weekday !== undefined && instant.getUTCDay() !== weekday) return undefined;
  return instant.toISOString();
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

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
