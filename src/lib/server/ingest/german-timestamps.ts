/**
 * German day-first timestamps read without chrono-node: "10. November 2016 um 15:15 Uhr",
 * "Do 10. Nov 2016, 15:42", "10.11.2016, 15:52". The day comes first in both: the month is
 * a word in the one, and dotted numeric dates are day-first wherever they are written (a
 * second number over 12 is left to chrono, which would swap it). Times are 24-hour.
 */
import { clock, isoFromDotted, isoFromParts, namedMonth, numbered } from './timestamp-parts';

const MONTHS = numbered(
  [
    ['januar', 'jänner', 'jan'],
    ['februar', 'feb'],
    ['märz', 'maerz', 'mär'],
    ['april', 'apr'],
    ['mai'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['dezember', 'dez']
  ],
  1
);
const ABBREVIATED = new Set([
  'jan',
  'feb',
  'mär',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez'
]);
/** Short weekdays before the date take a space ("Do 10. Nov"), full ones a comma; chrono reads no other. */
const SHORT_WEEKDAYS = numbered([['so'], ['mo'], ['di'], ['mi'], ['do'], ['fr'], ['sa']], 0);
const FULL_WEEKDAYS = numbered(
  [['sonntag'], ['montag'], ['dienstag'], ['mittwoch'], ['donnerstag'], ['freitag'], ['samstag']],
  0
);

const TIME = String.raw`(?:,? (?:um )?(\d{1,2}):(\d{2})(?: Uhr)?)?`;
/** [Do |Donnerstag, ]10. November[.] 2016[[,] [um ]15:15[ Uhr]] */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:(\p{L}{2}) |(\p{L}{6,10}), )?(\d{1,2})\. (\p{L}{3,9})(\.?) (\d{4})${TIME}$`,
  'iu'
);
/** 10.11.2016[[,] [um ]15:15[ Uhr]] */
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, 'u');

/** The ISO 8601 UTC instant of `text` (trimmed), or undefined when chrono must read it. */
export function readGermanTimestamp(text: string): string | undefined {
  const named = DAY_MONTH_YEAR.exec(text);
  if (named) return readNamedMonth(named);
  const dotted = DOTTED.exec(text);
  return dotted ? isoFromDotted(dotted) : undefined;
}

function readNamedMonth(match: RegExpExecArray): string | undefined {
  const [, shortWeekday, fullWeekday, day, monthName, dot, year, hour, minute] = match;
  const month = namedMonth(MONTHS, ABBREVIATED, monthName!, dot!);
  if (month === undefined) return undefined;
  const weekday =
    shortWeekday !== undefined
      ? SHORT_WEEKDAYS.get(shortWeekday.toLowerCase())
      : fullWeekday !== undefined
        ? FULL_WEEKDAYS.get(fullWeekday.toLowerCase())
        : undefined;
  if ((shortWeekday ?? fullWeekday) !== undefined && weekday === undefined) return undefined;
  return isoFromParts({
    year: Number(year),
    month,
    day: Number(day),
    weekday,
    ...clock(hour, minute)
  });
}
