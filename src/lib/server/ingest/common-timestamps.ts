/**
 * The timestamp shape most comment sections print, read without chrono-node: WordPress's
 * default English "August 16, 2024 at 2:06 pm" (or the date alone). chrono builds and
 * merges a dozen candidate results per call and parseTimestamp calls it twice per comment,
 * which made it most of the parse time of a WordPress page; this reads the same value
 * directly. Anything outside the exact shape — or a value chrono would read differently
 * (a day past the month's end, an hour over 12) — is left to chrono, so the answers agree.
 */

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december'
  ].map((name, index) => [name, index + 1])
);

const MONTH_DAY_YEAR_TIME =
  /^([A-Za-z]{3,9}) (\d{1,2}), (\d{4})(?: at (\d{1,2}):(\d{2}) ([ap]m))?$/i;
const YEARS = { first: 1990, last: 2100 };

/** The ISO 8601 UTC instant of `text` (already trimmed), or undefined when chrono must read it. */
export function readCommonTimestamp(text: string): string | undefined {
  const match = MONTH_DAY_YEAR_TIME.exec(text);
  if (!match) return undefined;
  const [, monthName, dayText, yearText, hourText, minuteText, meridiem] = match;
  const month = MONTH_NUMBERS.get(monthName!.toLowerCase());
  const day = Number(dayText);
  const year = Number(yearText);
  if (month === undefined || day < 1 || day > daysIn(year, month)) return undefined;
  if (year < YEARS.first || year > YEARS.last) return undefined;
  if (hourText === undefined) return new Date(Date.UTC(year, month - 1, day)).toISOString();
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  const hour24 = (hour % 12) + (meridiem!.toLowerCase() === 'pm' ? 12 : 0);
  return new Date(Date.UTC(year, month - 1, day, hour24, minute)).toISOString();
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
