/**
 * The chrono-free timestamp readers (common-timestamps.ts and the shape files it uses): each
 * shape they read gives exactly chrono's answer, and what they must not read — ambiguous
 * numeric dates, values chrono reads differently, shapes chrono does not know — is left to
 * chrono (undefined) rather than guessed.
 */
import { describe, expect, it } from 'vitest';
import { readCommonTimestamp } from '../../src/lib/server/ingest/common-timestamps';
import { readEnglishTimestamp } from '../../src/lib/server/ingest/english-timestamps';
import { readGermanTimestamp } from '../../src/lib/server/ingest/german-timestamps';
import { readRussianTimestamp } from '../../src/lib/server/ingest/russian-timestamps';
import { readWithChrono } from '../../src/lib/server/ingest/timestamp';

describe('readEnglishTimestamp', () => {
  it.each([
    ['August 16, 2024 at 2:06 pm', '2024-08-16T14:06:00.000Z'],
    ['Nov 10, 2016', '2016-11-10T00:00:00.000Z'],
    ['Nov. 10, 2016', '2016-11-10T00:00:00.000Z'],
    ['Sept 9, 2016', '2016-09-09T00:00:00.000Z'],
    ['Thursday, November 10, 2016 6:12 PM', '2016-11-10T18:12:00.000Z'],
    ['Thu Nov 10, 2016 3:40 pm', '2016-11-10T15:40:00.000Z'],
    ['Fri Nov 11, 2016 9:30 am', '2016-11-11T09:30:00.000Z'],
    ['Nov 10, 2016, 3:30 pm', '2016-11-10T15:30:00.000Z'],
    ['Nov 10, 2016 3:40pm', '2016-11-10T15:40:00.000Z'],
    ['Nov 10, 2016 12:05 AM', '2016-11-10T00:05:00.000Z']
  ])('%s → %s', (raw, iso) => {
    expect(readEnglishTimestamp(raw)).toBe(iso);
  });

  it.each([
    ['05/06/2017', 'a numeric date: May 6 or 5 June'],
    ['Thu, 05/18/2017 - 10:40', 'a numeric date'],
    ['11-10-2016, 03:48 PM', 'a numeric date'],
    ['Friday, November 10, 2016', 'a weekday that is not the date’s'],
    ['November 31, 2016', 'a day past the month’s end'],
    ['Feb 29, 2017', 'a day past the month’s end'],
    ['Nov 10, 1989', 'a year outside the accepted range'],
    ['Nov 10, 2016 0:30 pm', 'an hour a 12-hour clock does not show'],
    ['Nov 10, 2016 13:30 pm', 'an hour a 12-hour clock does not show'],
    ['Nov 10, 2016 15:30', 'a 24-hour time'],
    ['November. 10, 2016', 'a full month name with a full stop'],
    ['Thurs Nov 10, 2016', 'a weekday abbreviation outside the list'],
    ['Novem 10, 2016', 'not a month'],
    ['Nov 10th, 2016', 'an ordinal day'],
    ['By Tom Reyes, Nov. 10, 2016', 'a date inside other text']
  ])('%s is left to chrono (%s)', (raw) => {
    expect(readEnglishTimestamp(raw)).toBeUndefined();
  });
});

describe('readGermanTimestamp', () => {
  it.each([
    ['10. November 2016 um 15:15 Uhr', '2016-11-10T15:15:00.000Z'],
    ['10. Nov. 2016', '2016-11-10T00:00:00.000Z'],
    ['3. März 2017, 08:05', '2017-03-03T08:05:00.000Z'],
    ['3. Jänner 2017', '2017-01-03T00:00:00.000Z'],
    ['Do 10. Nov 2016, 15:42', '2016-11-10T15:42:00.000Z'],
    ['Donnerstag, 10. November 2016', '2016-11-10T00:00:00.000Z'],
    ['10.11.2016, 15:52', '2016-11-10T15:52:00.000Z'],
    ['1.2.2016', '2016-02-01T00:00:00.000Z'],
    ['10.11.2016 um 0:05 Uhr', '2016-11-10T00:05:00.000Z']
  ])('%s → %s', (raw, iso) => {
    expect(readGermanTimestamp(raw)).toBe(iso);
  });

  it.each([
    ['10.13.2016', 'a second number over 12, which chrono swaps'],
    ['10.11.16', 'a two-digit year'],
    ['31.11.2016', 'a day past the month’s end'],
    ['Fr 10. Nov 2016', 'a weekday that is not the date’s'],
    ['Do., 10. Nov. 2016, 15:42', 'a weekday with a full stop, which chrono does not read'],
    ['10. Mai 2016 um 24:00 Uhr', 'an hour past 23'],
    ['10. Mai 2016 um 23:60 Uhr', 'a minute past 59'],
    ['10. Mai. 2016', 'a full month name with a full stop'],
    ['10. November 2016 um 15:15 Uhr MEZ', 'a time zone'],
    ['10.11.2016 в 15:15', 'Russian wording']
  ])('%s is left to chrono (%s)', (raw) => {
    expect(readGermanTimestamp(raw)).toBeUndefined();
  });
});

describe('readRussianTimestamp', () => {
  it.each([
    ['10 ноября 2016 в 14:05', '2016-11-10T14:05:00.000Z'],
    ['10 ноября 2016', '2016-11-10T00:00:00.000Z'],
    ['10 ноя 2016', '2016-11-10T00:00:00.000Z'],
    ['10 Ноября 2016, 14:05', '2016-11-10T14:05:00.000Z'],
    ['1 января 2016 в 0:05', '2016-01-01T00:05:00.000Z'],
    ['10.11.2016 в 15:15', '2016-11-10T15:15:00.000Z']
  ])('%s → %s', (raw, iso) => {
    expect(readRussianTimestamp(raw)).toBe(iso);
  });

  it.each([
    ['10 июн 2016', 'an abbreviation chrono does not read'],
    ['10 сент 2016', 'an abbreviation chrono does not read'],
    ['10 ноябрь 2016', 'the nominative'],
    ['10 ноября 2016 г. в 14:05', '"г.", after which chrono drops the time'],
    ['31 июня 2016', 'a day past the month’s end'],
    ['10 ноября 2016 в 24:00', 'an hour past 23'],
    ['10.13.2016 в 15:15', 'a second number over 12, which chrono swaps'],
    ['вчера в 09:12', 'a relative date']
  ])('%s is left to chrono (%s)', (raw) => {
    expect(readRussianTimestamp(raw)).toBeUndefined();
  });
});

/** Every reading of the direct path must be chrono's: a grid over the shapes and their edges. */
describe('readCommonTimestamp agrees with chrono on every shape it reads', () => {
  const grid = (parts: readonly (readonly string[])[]): string[] =>
    parts.reduce<string[]>(
      (texts, options) => texts.flatMap((text) => options.map((option) => text + option)),
      ['']
    );
  const days = ['1', '10', '29', '30', '31'];
  const years = ['1989', '2016', '2020'];
  const english = grid([
    ['', 'Thursday, ', 'Thu ', 'Friday, ', 'tue '],
    ['January ', 'Feb. ', 'MAY ', 'Sept '],
    days.map((day) => `${day}, `),
    years,
    ['', ' at 3:15 pm', ' 6:12 PM', ' 12:00 am', ', 3:30 pm', ' 3:40pm', ' 11:60 am']
  ]);
  const german = grid([
    ['', 'Do ', 'Fr ', 'Donnerstag, '],
    days.map((day) => `${day}. `),
    ['Januar ', 'Jan. ', 'März ', 'Mai ', 'Dez '],
    years,
    ['', ' um 15:15 Uhr', ', 15:42', ' 15:15', ' um 0:05', ' um 23:60 Uhr']
  ]);
  const dotted = grid([
    ['1.', '10.', '29.', '31.'],
    ['1.', '02.', '11.', '12.', '13.'],
    years,
    ['', ', 15:42', ' um 15:15 Uhr', ' 24:00', ' в 15:15']
  ]);

  const russian = grid([
    days.map((day) => `${day} `),
    ['января ', 'мая ', 'июня ', 'сентября ', 'ноя ', 'дек. ', 'Ноября '],
    years,
    ['', ' в 14:05', ', 14:05', ' в 0:05', ' в 14:60']
  ]);

  it.each([
    ['English', english],
    ['German', german],
    ['dotted', dotted],
    ['Russian', russian]
  ])('%s', (_, samples) => {
    let read = 0;
    for (const raw of samples) {
      const common = readCommonTimestamp(raw);
      if (common === undefined) continue;
      read++;
      expect([raw, common]).toEqual([raw, readWithChrono(raw)]);
    }
    // The grid must exercise the direct path, not only its refusals.
    expect(read).toBeGreaterThan(samples.length / 10);
  });
});
