/**
 * English month-first timestamps read without chrono-node: WordPress's default "August 16,
 * 2024 at 2:06 pm", and the forum and widget shapes "Nov 10, 2016", "Thursday, November 10,
 * 2016 6:12 PM", "Thu Nov 10, 2016 3:40 pm". The month is a word, so day and month cannot
 * be swapped; numeric dates such as "05/06/2017" are ambiguous and are left to chrono.
 */
import { hourFrom12, isoFromParts, namedMonth, numbered } from './timestamp-parts';

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

/**
 * Whether `text` has the shape read here, with real month and weekday names, whatever the
 * values: comment-dates.ts takes such a line for a timestamp without its dearer token test.
 */
export function isEnglishTimestampShape(text: string): boolean {
  return namedParts(text) !== undefined;
}

/** The ISO 8601 UTC instant of `text` (trimmed), or undefined when chrono must read it. */
export function readEnglishTimestamp(text: string): string | undefined {
  const named = namedParts(text);
  if (!named) return undefined;
  const { month, weekday, match } = named;
  const [, , , , day, year, hour, minute, meridiem] = match;
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

/** The shape's match with its month and weekday names looked up; undefined for other text. */
function namedParts(
  text: string
): { month: number; weekday: number | undefined; match: RegExpExecArray } | undefined {
  const match = MONTH_DAY_YEAR.exec(text);
  if (!match) return undefined;
  const [, weekdayName, monthName, dot] = match;
  const month = namedMonth(MONTHS, ABBREVIATED, monthName!, dot!);
  if (month === undefined) return undefined;
  const weekday = weekdayName === undefined ? undefined : WEEKDAYS.get(weekdayName.toLowerCase());
  if (weekdayName !== undefined && weekday === undefined) return undefined;
  return { month, weekday, match };
}
