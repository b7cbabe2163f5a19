/** The range checks and formatting the chrono-free timestamp readers share. */
import { describe, expect, it } from 'vitest';
import {
  hourFrom12,
  isoFromParts,
  type TimestampParts
} from '../../src/lib/server/ingest/timestamp-parts';

describe('isoFromParts', () => {
  it.each<[TimestampParts, string]>([
    [{ year: 2016, month: 11, day: 10 }, '2016-11-10T00:00:00.000Z'],
    [{ year: 2016, month: 2, day: 29, hour: 23, minute: 59 }, '2016-02-29T23:59:00.000Z'],
    [{ year: 2000, month: 2, day: 29 }, '2000-02-29T00:00:00.000Z'],
    [{ year: 1990, month: 1, day: 1, hour: 0, minute: 5 }, '1990-01-01T00:05:00.000Z'],
    [{ year: 2016, month: 11, day: 10, weekday: 4 }, '2016-11-10T00:00:00.000Z']
  ])('%j → %s, as Date#toISOString prints it', (parts, iso) => {
    expect(isoFromParts(parts)).toBe(iso);
    const { year, month, day, hour = 0, minute = 0 } = parts;
    expect(iso).toBe(new Date(Date.UTC(year, month - 1, day, hour, minute)).toISOString());
  });

  it.each<[TimestampParts, string]>([
    [{ year: 2017, month: 2, day: 29 }, 'not a leap year'],
    [{ year: 2100, month: 2, day: 29 }, 'a century that is not a leap year'],
    [{ year: 2016, month: 4, day: 31 }, 'past the month’s end'],
    [{ year: 2016, month: 13, day: 1 }, 'no such month'],
    [{ year: 2016, month: 1, day: 0 }, 'no such day'],
    [{ year: 1989, month: 12, day: 31 }, 'before the accepted years'],
    [{ year: 2101, month: 1, day: 1 }, 'after the accepted years'],
    [{ year: 2016, month: 1, day: 1, hour: 24, minute: 0 }, 'no such hour'],
    [{ year: 2016, month: 1, day: 1, hour: 1, minute: 60 }, 'no such minute'],
    [{ year: 2016, month: 11, day: 10, weekday: 5 }, 'a Thursday called Friday']
  ])('%j is left to chrono (%s)', (parts, _why) => {
    expect(isoFromParts(parts)).toBeUndefined();
  });
});

describe('hourFrom12', () => {
  it.each([
    [12, 'am', 0],
    [12, 'PM', 12],
    [1, 'pm', 13],
    [11, 'am', 11]
  ])('%i %s → %i', (hour, meridiem, expected) => {
    expect(hourFrom12(hour, meridiem)).toBe(expected);
  });

  it.each([0, 13])('%i is no hour of a 12-hour clock', (hour) => {
    expect(hourFrom12(hour, 'pm')).toBeUndefined();
  });
});
