import { describe, expect, it } from 'vitest';
import { depthsFromParents, InvalidThreadError } from '../../src/lib/server/corpus';

describe('depthsFromParents', () => {
  it('counts replies down from top-level comments', () => {
    expect(depthsFromParents([null, 0, 1, 0, null, 4, 2])).toEqual([0, 1, 2, 1, 0, 1, 3]);
  });

  it.each([
    [[0], 'itself'],
    [[null, 2, null], 'a later comment'],
    [[null, -1], 'a negative index'],
    [[null, 0.5], 'a fraction']
  ])('refuses a parent that is %j (%s)', (parents) => {
    expect(() => depthsFromParents(parents)).toThrow(InvalidThreadError);
  });
});
