import { describe, expect, it } from 'vitest';
import {
  depthsFromIndents,
  parentsFromHints,
  parentsOfKept
} from '../../../src/lib/server/ingest/formats/comment-nesting';

describe('depthsFromIndents', () => {
  it('ranks distinct widths as levels', () => {
    expect(depthsFromIndents([0, 4, 8, 4, 0])).toEqual([0, 1, 2, 1, 0]);
  });

  it('says nothing when no line is indented', () => {
    expect(depthsFromIndents([0, 0, 0])).toBeNull();
  });
});

describe('parentsFromHints', () => {
  it('uses known depths like parentsFromDepths', () => {
    const hints = [0, 1, 2, 1].map((depth) => ({ depth, isReply: depth > 0 }));
    expect(parentsFromHints(hints)).toEqual([null, 0, 1, 0]);
  });

  it('attaches a reply of unknown depth only right after a top-level comment', () => {
    const hints = [
      { depth: 0, isReply: false },
      { depth: null, isReply: true },
      { depth: null, isReply: true }
    ];
    expect(parentsFromHints(hints)).toEqual([null, 0, null]);
  });

  it('does not look past a comment of unknown depth for a known depth', () => {
    const hints = [
      { depth: 0, isReply: false },
      { depth: 1, isReply: true },
      { depth: null, isReply: true },
      { depth: 1, isReply: true }
    ];
    expect(parentsFromHints(hints)).toEqual([null, 0, null, null]);
  });

  it('chains first replies', () => {
    const hints = [
      { depth: 0, isReply: false },
      { depth: null, isReply: true, firstReply: true },
      { depth: null, isReply: true, firstReply: true }
    ];
    expect(parentsFromHints(hints)).toEqual([null, 0, 1]);
  });
});

describe('parentsOfKept', () => {
  it('renumbers parents and orphans replies to a comment left out', () => {
    expect(parentsOfKept([null, 0, null, 2, 3], [true, true, false, true, true])).toEqual([
      null,
      0,
      null,
      2
    ]);
  });
});
