/**
 * Line splitting: text without carriage returns takes a faster path (split on '\n'), which
 * must give the same lines as the general one for every line ending.
 */
import { describe, expect, it } from 'vitest';
import { toLines } from '../../src/lib/server/ingest/dom';
import { buildPage } from '../../src/lib/server/ingest/page';

describe('toLines', () => {
  it('splits on \\n, \\r\\n and a lone \\r alike', () => {
    const lines = ['Title', '', 'Anna says:', 'Reply', ''];
    expect(toLines(lines.join('\n'))).toEqual(lines);
    expect(toLines(lines.join('\r\n'))).toEqual(lines);
    expect(toLines(lines.join('\r'))).toEqual(lines);
    expect(toLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('buildPage on text', () => {
  it('normalises line endings in the text it keeps, and only where there are any', () => {
    expect(buildPage('a\r\nb\rc', 'text')).toEqual({
      markup: 'text',
      text: 'a\nb\nc',
      lines: ['a', 'b', 'c']
    });
    expect(buildPage('a\nb', 'text')).toEqual({ markup: 'text', text: 'a\nb', lines: ['a', 'b'] });
  });
});
