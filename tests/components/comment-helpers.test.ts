/** The comment pages' pure helpers: span segmentation and thread nesting. */
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/lib/components/comment/segments';
import { buildThreadTree } from '../../src/lib/components/comment/thread-tree';

const span = (start: number, end: number, label = 'insult') => ({
  start,
  end,
  label,
  reason: `${label} term`
});

describe('segmentText', () => {
  it('cuts at UTF-16 offsets, keeping overlaps and plain text apart', () => {
    const text = '😀 you (((idiot))) ok';
    const segments = segmentText(text, [span(7, 18, 'antisemitism'), span(10, 15)]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.map((segment) => [segment.text, segment.spans.length])).toEqual([
      ['😀 you ', 0],
      ['(((', 1],
      ['idiot', 2],
      [')))', 1],
      [' ok', 0]
    ]);
  });

  it('clamps offsets outside the text and drops empty spans', () => {
    const segments = segmentText('abc', [span(-4, 1), span(2, 2), span(2, 99)]);
    expect(segments.map((segment) => [segment.text, segment.spans.length])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 1]
    ]);
  });
});

describe('buildThreadTree', () => {
  it('nests replies under their parents in page order', () => {
    const tree = buildThreadTree([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: null },
      { id: 5, parentId: 99 }
    ]);
    expect(tree.map((node) => node.comment.id)).toEqual([1, 4, 5]);
    expect(tree[0]!.replies[0]!.replies[0]!.comment.id).toBe(3);
  });
});
