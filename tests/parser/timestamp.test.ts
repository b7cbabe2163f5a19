/**
 * Absolute dates in English, German and Russian become ISO 8601 UTC; relative and
 * unreadable ones become null. A time without a zone is UTC.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readCommonTimestamp } from '../../src/lib/server/ingest/common-timestamps';
import {
  mayStateYear,
  normaliseTimestamp,
  parseTimestamp,
  readWithChrono
} from '../../src/lib/server/ingest/timestamp';

describe('parseTimestamp', () => {
  it.each([
    // English
    ['November 10, 2016 at 3:15 pm', '2016-11-10T15:15:00.000Z'],
    ['Nov 10, 2016 3:15PM', '2016-11-10T15:15:00.000Z'],
    ['10 November 2016 15:15', '2016-11-10T15:15:00.000Z'],
    ['Thu, 05/18/2017 - 10:12', '2017-05-18T10:12:00.000Z'],
    ['Thu, 10 Nov 2016 15:15:00 GMT', '2016-11-10T15:15:00.000Z'],
    ['May 18, 2017 10:12 AM EST', '2017-05-18T15:12:00.000Z'],
    ['2016-11-10T15:15:00+01:00', '2016-11-10T14:15:00.000Z'],
    ['November 10, 2016', '2016-11-10T00:00:00.000Z'],
    // German
    ['10. November 2016 um 15:15 Uhr', '2016-11-10T15:15:00.000Z'],
    ['10.11.2016, 15:15', '2016-11-10T15:15:00.000Z'],
    ['10.11.2016 um 15:15', '2016-11-10T15:15:00.000Z'],
    ['3. März 2017, 08:05', '2017-03-03T08:05:00.000Z'],
    // Russian
    ['10 ноября 2016 в 15:15', '2016-11-10T15:15:00.000Z'],
    ['10 ноября 2016', '2016-11-10T00:00:00.000Z'],
    ['10.11.2016 в 15:15', '2016-11-10T15:15:00.000Z']
  ])('%s → %s', (raw, iso) => {
    expect(parseTimestamp(raw)).toBe(iso);
  });

  it.each([
    '3 hours ago',
    'a minute ago',
    'yesterday at 15:15',
    'today 10:00',
    'vor 3 Stunden',
    'gestern um 15:15 Uhr',
    '3 часа назад',
    'вчера в 15:15',
    'Nov 10 at 3:15pm',
    '10. November um 15:15 Uhr',
    'just now',
    'Reply',
    '',
    '   ',
    '(((them)))',
    '99/99/9999',
    'Posted by mary mary',
    'x'.repeat(500)
  ])('%j → null', (raw) => {
    expect(parseTimestamp(raw)).toBeNull();
  });

  describe('in another local time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it('still reads a zoneless time as UTC', () => {
      process.env.TZ = 'America/Los_Angeles';
      expect(parseTimestamp('10. November 2016 um 15:15 Uhr')).toBe('2016-11-10T15:15:00.000Z');
      expect(parseTimestamp('November 10, 2016')).toBe('2016-11-10T00:00:00.000Z');
    });
  });
});

describe('normaliseTimestamp', () => {
  it.each([
    ['2017-05-18T14:02:00Z', '2017-05-18T14:02:00.000Z'],
    ['2017-05-18T09:30:00-04:00', '2017-05-18T13:30:00.000Z'],
    ['2017-05-18T09:30:00+0200', '2017-05-18T07:30:00.000Z'],
    ['2017-05-18 09:30', '2017-05-18T09:30:00.000Z'],
    ['2017-05-18', '2017-05-18T00:00:00.000Z'],
    ['1495116120', '2017-05-18T14:02:00.000Z'],
    ['1495116120000', '2017-05-18T14:02:00.000Z'],
    ['Thu, 05/18/2017 - 10:12', '2017-05-18T10:12:00.000Z']
  ])('%s → %s', (value, iso) => {
    expect(normaliseTimestamp(value)).toBe(iso);
  });

  it.each([null, undefined, '', 'soon', '2017-13-45', '0000000000'])('%j → null', (value) => {
    expect(normaliseTimestamp(value)).toBeNull();
  });
});

/** The chrono-free reading of WordPress's default shape must give chrono's answer, edge days and hours included. */
describe('readCommonTimestamp agrees with chrono', () => {
  const months = ['January', 'February', 'june', 'SEPTEMBER', 'December'];
  const samples = months.flatMap((month) =>
    [1, 9, 28, 29, 30, 31, 32].flatMap((day) =>
      [1989, 2000, 2023, 2100].flatMap((year) => [
        `${month} ${day}, ${year}`,
        ...['12:00 am', '12:59 pm', '0:30 pm', '1:05 PM', '11:60 am', '13:15 pm', '09:07 am'].map(
          (time) => `${month} ${day}, ${year} at ${time}`
        )
      ])
    )
  );
  it('on a grid of dates and times', () => {
    for (const raw of samples) {
      const common = readCommonTimestamp(raw);
      if (common !== undefined) expect([raw, common]).toEqual([raw, readWithChrono(raw)]);
    }
  });
});

describe('mayStateYear (chrono is skipped where it is false)', () => {
  const yearless = [
    '12 hours ago',
    'Today, 09:12 AM',
    'Gestern um 21:03 Uhr',
    'Heute um 09:14 Uhr',
    'Top 10 Reasons To Visit (10)',
    'the 12th at 10:30 pm',
    'Monday 12:00 noon'
  ];

  it.each(yearless)('%j gives no year, and chrono agrees it is no date', (text) => {
    expect(mayStateYear(text)).toBe(false);
    expect(readWithChrono(text)).toBeNull();
    expect(parseTimestamp(text)).toBeNull();
  });

  it.each([
    '10 November 2016',
    'Nov 10 16',
    "Nov '16",
    '10.11.16',
    '11/10/16',
    '16-11-10',
    '10 Jänner 16',
    '10 Maerz 16',
    '10 Mrz 16',
    '10 ноября 16'
  ])('%j may give a year', (text) => {
    expect(mayStateYear(text)).toBe(true);
  });

  it('still reads a two-digit year that chrono reads', () => {
    const text = '11/10/16 3:15 PM';
    expect(mayStateYear(text)).toBe(true);
    expect(parseTimestamp(text)).toBe(readWithChrono(text));
    expect(parseTimestamp(text)).not.toBeNull();
  });
});
