/** Reply nesting helpers shared by the formats. */

/**
 * Turns nesting depths in page order (0 = top level) into parent indices: a comment's
 * parent is the nearest earlier comment one level up. A depth that jumps by more than one
 * (a deleted comment in between) still attaches to the nearest shallower comment.
 */
export function parentsFromDepths(depths: readonly number[]): (number | null)[] {
  const stack: { index: number; depth: number }[] = [];
  return depths.map((depth, index) => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1]!.index : null;
    stack.push({ index, depth });
    return parent;
  });
}
