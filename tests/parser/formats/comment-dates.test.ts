/**
 * isTimeLine's shortcut for the common English shape must not change its answer: every
 * line the shortcut accepts is one the token test (isAbsoluteDate) accepts as well.
 */
import { describe, expect, it } from 'vitest';
import { isEnglishTimestampShape } from '../../../src/lib/server/ingest/english-timestamps';
import { isAbsoluteDate, isTimeLine } from '../../../src/lib/server/ingest/formats/comment-dates';

const grid = (parts: readonly (readonly string[])[]): string[] =>
  parts.reduce<string[]>(
    (texts, options) => texts.flatMap((text) => options.map((option) => text + option)),
    ['']
  );

describe('the English shape shortcut in isTimeLine', () => {
  const weekdays = ['', 'Monday, ', 'tue ', 'Wednesday ', 'THU, ', 'Saturday, ', 'sun '];
  const months = ['January', 'jan', 'Feb.', 'MAY', 'June', 'jun.', 'July', 'Sept', 'sep.'];
  const months2 = ['September', 'Oct', 'November', 'dec.'];
  const samples = grid([
    weekdays,
    [...months, ...months2].map((month) => `${month} `),
    ['1, ', '31, ', '99, '],
    ['2016', '1066'],
    ['', ' at 2:06 pm', ', 12:59 AM', ' 3:40pm', ' 13:75 pm']
  ]);

  it('accepts only lines that the token test accepts too', () => {
    let shaped = 0;
    for (const line of samples) {
      if (!isEnglishTimestampShape(line)) continue;
      shaped++;
      expect([line, isAbsoluteDate(line)]).toEqual([line, true]);
    }
    expect(shaped).toBe(samples.length);
  });

  it.each([
    'Novembers 10, 2016',
    'Nov 10 2016',
    'Thurs Nov 10, 2016',
    'November. 10, 2016',
    'Nov 10, 16',
    'Anna 10, 2016'
  ])('leaves %s to the token test', (line) => {
    expect(isEnglishTimestampShape(line)).toBe(false);
  });

  it.each([
    ['• Thursday, November 10, 2016 6:12 PM', true],
    ['Nov 10, 2016 (edited)', true],
    ['3 hours ago (edited)  ', true],
    ['Nov 10, 2016 (bearbeitet)\t', true],
    ['3 hours ago', true],
    ['Anna Smith', false],
    ['Meet me on Nov 10, 2016 at noon', false]
  ])('isTimeLine(%j) is %s', (line, expected) => {
    expect(isTimeLine(line)).toBe(expected);
  });
});
