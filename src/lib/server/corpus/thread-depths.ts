/**
 * Reply depth from parent indices: 0 for a top-level comment, parent's depth + 1 for a reply.
 * The parser guarantees a parent comes before its reply; anything else is a bug upstream and
 * is refused here rather than stored as a thread that can't be drawn.
 */
export class InvalidThreadError extends Error {
  override readonly name = 'InvalidThreadError';
}

export function depthsFromParents(parents: readonly (number | null)[]): number[] {
  const depths: number[] = [];
  parents.forEach((parent, position) => {
    if (parent === null) {
      depths.push(0);
      return;
    }
    if (!Number.isInteger(parent) || parent < 0 || parent >= position) {
      throw new InvalidThreadError(
        `Comment ${position} replies to comment ${parent}, which is not an earlier comment`
      );
    }
    depths.push(depths[parent]! + 1);
  });
  return depths;
}
