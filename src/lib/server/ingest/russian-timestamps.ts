/**
 * Russian day-first timestamps read without chrono-node: "10 ноября 2016 в 14:05",
 * "10 ноя 2016", "10.11.2016 в 15:15". Month names in the genitive, as dates use them, and
 * only the abbreviations chrono reads (it reads no "июн", "июл" or "сент"); "2016 г." and
 * anything else is left to chrono, which drops the time after a "г.". Times are 24-hour.
 */
import { clock, isoFromDotted, isoFromParts, namedMonth, numbered } from './timestamp-parts';

const MONTHS = numbered(
  [
    ['января', 'янв'],
    ['февраля', 'фев'],
    ['марта', 'мар'],
    ['апреля', 'апр'],
    ['мая'],
    ['июня'],
    ['июля'],
    ['августа', 'авг'],
    ['сентября', 'сен'],
    ['октября', 'окт'],
    ['ноября', 'ноя'],
    ['декабря', 'дек']
  ],
  1
);
const ABBREVIATED = new Set(['янв', 'фев', 'мар', 'апр', 'авг', 'сен', 'окт', 'ноя', 'дек']);

const TIME = String.raw`(?:(?: в|,) (\d{1,2}):(\d{2}))?`;
/** 10 ноября[.] 2016[ в 14:05 | , 14:05] */
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2}) (\p{L}{3,8})(\.?) (\d{4})${TIME}$`, 'iu');
/** 10.11.2016[ в 15:15 | , 15:15] — day first, as in German. */
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, 'u');

/** The ISO 8601 UTC instant of `text` (trimmed), or undefined when chrono must read it. */
export function readRussianTimestamp(text: string): string | undefined {
  const named = DAY_MONTH_YEAR.exec(text);
  if (named) {
    const [, day, monthName, dot, year, hour, minute] = named;
    const month = namedMonth(MONTHS, ABBREVIATED, monthName!, dot!);
    if (month === undefined) return undefined;
    return isoFromParts({ year: Number(year), month, day: Number(day), ...clock(hour, minute) });
  }
  const dotted = DOTTED.exec(text);
  return dotted ? isoFromDotted(dotted) : undefined;
}
