/**
 * Recognises lines that hold nothing but a timestamp, as comment widgets and forums print
 * them in the languages we ingest: absolute dates ("Nov 10, 2016", "10. November 2016 um
 * 15:15 Uhr", "10 ноября 2016 в 15:15", "10.11.2016, 15:15") and relative times ("3 years ago",
 * "vor 2 Stunden", "3 часа назад"). A whole-line match keeps prose that mentions a date out.
 */
import { isEnglishTimestampShape } from '../english-timestamps';

const MONTHS = [
  // English
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?',
  // German
  'januar|jänner|februar|märz|mär|mai|juni|juli|okt(?:ober)?|dez(?:ember)?',
  // Russian, genitive as dates use them, and the short forms
  'январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|янв|фев|мар|апр|июн|июл|авг|сен|окт|ноя|дек',
  // French, Spanish, Italian, Polish
  'janv(?:ier)?|févr?(?:ier)?|mars|avr(?:il)?|juin|juil(?:let)?|août|sept(?:embre)?|octobre|novembre|déc(?:embre)?',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre',
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre',
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia'
].join('|');

const WEEKDAYS = [
  'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?',
  'mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag',
  'пн|вт|ср|чт|пт|сб|вс|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье',
  'lun|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche'
].join('|');

/** Words that join the parts of a timestamp: "Nov 10, 2016 at 3:15 PM", "am 10. Nov. um 15:15 Uhr". */
const CONNECTORS =
  'at|on|um|am|uhr|в|г|года|à|le|el|de|del|a|las|alle|il|o|godz|posted|gepostet|geschrieben|am|utc|gmt|cet|cest|est|edt|pst|pdt|msk|[ap]\\.?m\\.?|-|–|—|»|\\||•|·';

const MONTH_TOKEN = new RegExp(`^(?:${MONTHS})\\.?,?$`, 'iu');
const WEEKDAY_TOKEN = new RegExp(`^(?:${WEEKDAYS})\\.?,?$`, 'iu');
const CONNECTOR_TOKEN = new RegExp(`^(?:${CONNECTORS})\\.?,?$`, 'iu');
const NUMBER_TOKEN = /^\d{1,4}(?:st|nd|rd|th|\.)?,?$/iu;
const CLOCK_TOKEN = /^\d{1,2}[:.h]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?,?$/iu;
const NUMERIC_DATE_TOKEN =
  /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?),?$/u;

const RELATIVE = new RegExp(
  '^(?:' +
    [
      // English, including "3 yr. ago", "an hour ago", "3h"
      '(?:about |over |almost )?(?:\\d+|an?|one) (?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)\\.? ago',
      'just now|yesterday|today|\\d+\\s?(?:s|m|min|h|hr|d|w|mo|y|yr)',
      // German
      'vor (?:\\d+|einer?|einem) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)|gestern|heute|gerade eben',
      // Russian
      '(?:\\d+ )?(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|д(?:ень|ня|ней)|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет) назад|вчера|сегодня|только что',
      // French, Spanish, Italian, Polish
      'il y a (?:\\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)|hier',
      'hace (?:\\d+|una?) (?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)|ayer',
      "(?:\\d+|un'?) ?(?:secondi|minuti|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]) fa|ieri",
      '(?:\\d+ )?(?:sekund[ay]?|minut[ay]?|godzin[ay]?|dni|dzień|tygodni[ae]?|miesiąc[ey]?|miesięcy|lat[a]?|rok) temu|wczoraj'
    ].join('|') +
    ')(?:,? (?:(?:at|um|в|à|a las|alle|o) )?\\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?(?: uhr)?)?$',
  'iu'
);

/** "(edited)" and its translations, which widgets append to the time of an edited comment. */
const EDITED =
  /\s*\((?:edited|bearbeitet|изменено|отредактировано|modifié|editado|modificato|edytowany)\)$/iu;
const LEADING_MARKS = /^[\s•·|—–-]+/u;

/** True when the whole line is a timestamp, absolute or relative. */
export function isTimeLine(line: string): boolean {
  // Trailing space trimmed first: EDITED is anchored at the end, and "(edited) " is one too.
  const unmarked = line.replace(LEADING_MARKS, '').trimEnd();
  // EDITED ends in ")": testing for it first keeps the unanchored regex off other lines.
  const bare = (unmarked.endsWith(')') ? unmarked.replace(EDITED, '') : unmarked).trim();
  if (bare === '' || bare.length > 60) return false;
  // The common English shape ("August 16, 2024 at 2:06 pm"), one regex instead of a dozen per
  // token; every such line passes isAbsoluteDate too (tests/parser/comment-dates.test.ts).
  if (isEnglishTimestampShape(bare)) return true;
  return RELATIVE.test(bare) || isAbsoluteDate(bare);
}

/** Every token is part of a date, and there is a month or a numeric date with a day or year. */
export function isAbsoluteDate(bare: string): boolean {
  const tokens = bare.split(/[\s\u00a0]+/u).filter((token) => token !== '');
  let hasMonth = false;
  let hasNumber = false;
  for (const token of tokens) {
    if (NUMERIC_DATE_TOKEN.test(token)) hasMonth = hasNumber = true;
    else if (MONTH_TOKEN.test(token)) hasMonth = true;
    else if (NUMBER_TOKEN.test(token) || CLOCK_TOKEN.test(token)) hasNumber = true;
    else if (!WEEKDAY_TOKEN.test(token) && !CONNECTOR_TOKEN.test(token)) return false;
  }
  return hasMonth && hasNumber;
}

/** An ISO 8601 UTC string from a machine-readable attribute (`datetime`, unix seconds), or null. */
export function isoFromAttribute(value: string | undefined | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const date = /^\d{9,11}$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
