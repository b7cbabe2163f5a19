/**
 * English month-first timestamps read without chrono-node: WordPress's default "August 16,
 * 2024 at 2:06 pm", and the forum and widget shapes "Nov 10, 2016", "Thursday, November 10,
 * 2016 6:12 PM", "Thu Nov 10, 2016 3:40 pm". The month is a word, so day and month cannot
 * be swapped; numeric dates such as "05/06/2017" are ambiguous and are left to chrono.
 */
import { hourFrom12, isoFromParts, numbered } from './timestamp-parts';

const MONTHS = numbered(
  [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec']
  ],
  1
);
/** Abbreviations only: chrono reads "Nov." but a full name with a full stop is not a shape we check. */
const ABBREVIATED = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec'
]);
const WEEKDAYS = numbered(
  [
    ['sunday', 'sun'],
    ['monday', 'mon'],
    ['tuesday', 'tue'],
    ['wednesday', 'wed'],
    ['thursday', 'thu'],
    ['friday', 'fri'],
    ['saturday', 'sat']
  ],
  0
);

/** [weekday[,] ]month[.] day, year[ [at |, ]h:mm[ ]am|pm] */
const MONTH_DAY_YEAR =
  /^(?:([a-z]{3,9}),? )?([a-z]{3,9})(\.?) (\d{1,2}), (\d{4})(?:(?: at|,)? (\d{1,2}):(\d{2}) ?([ap]m))?$/i;

/** The ISO 8601 UTC instant of `text` (trimmed), or undefined when chrono must read it. */
export function readEnglishTimestamp(text: string): string | undefined {
  const match = MONTH_DAY_YEAR.exec(text);
  if (!match) return undefined;
  const [, weekdayName, monthName, dot, day, year, hour, minute, meridiem] = match;
  const monthKey = monthName!.toLowerCase();
  const month = MONTHS.get(monthKey);
  if (month === undefined || (dot !== '' && !ABBREVIATED.has(monthKey))) return undefined;
  const weekday = weekdayName === undefined ? undefined : WEEKDAYS.get(weekdayName.toLowerCase());
  if (weekdayName !== undefined && weekday === undefined) return undefined;
  const hour24 = hour === undefined ? undefined : hourFrom12(Number(hour), meridiem!);
  if (hour !== undefined && hour24 === undefined) return undefined;
  return isoFromParts({
    year: Number(year),
    month,
    day: Number(day),
    hour: hour24,
    minute: minute === undefined ? undefined : Number(minute),
    weekday
  });
}
