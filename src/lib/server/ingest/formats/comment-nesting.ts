/**
 * Reply nesting from what a page shows, shared by the formats. Copied page text rarely
 * shows the full tree: sometimes indentation, sometimes only hints ("parent" links, a
 * "root" link, the absence of a "prev" link). These helpers turn such hints into parent
 * indices, and leave a parent null rather than guess when the hints do not decide it.
 */
import { parentsFromDepths } from '../thread';

export interface NestingHint {
  /** The comment's depth (0 = top level), when the page shows it. */
  depth: number | null;
  /** Whether the comment is a reply, when the page says so without saying to which. */
  isReply: boolean | null;
  /** The page says this is its parent's first reply, so the parent comes right before it. */
  firstReply?: boolean;
}

/** Width of a line's leading whitespace; a tab counts as four spaces. */
export function indentOf(line: string): number {
  const leading = /^[ \t\u00a0]*/.exec(line)?.[0] ?? '';
  let width = 0;
  for (const char of leading) width += char === '\t' ? 4 : 1;
  return width;
}

/**
 * Depths from the indentation of comment header lines: each distinct width is one level.
 * Null when no header is indented, since then indentation says nothing about nesting.
 */
export function depthsFromIndents(indents: readonly number[]): number[] | null {
  if (!indents.some((indent) => indent > 0)) return null;
  const levels = [...new Set(indents)].sort((a, b) => a - b);
  return indents.map((indent) => levels.indexOf(indent));
}

/**
 * Parents from nesting hints, in page order. Sound inferences only, relying on comments
 * appearing in thread order (every reply after its parent, a subtree kept together):
 * - a known depth d attaches to the nearest earlier comment known to sit at d - 1, as long
 *   as no comment of unknown depth lies in between (it could be the real parent);
 * - a first reply attaches to the comment right before it;
 * - a reply of unknown depth right after a top-level comment must reply to that comment.
 */
export function parentsFromHints(hints: readonly NestingHint[]): (number | null)[] {
  const depths = hints.map((hint) => (hint.isReply === false ? 0 : hint.depth));
  if (depths.every((depth): depth is number => depth !== null)) return parentsFromDepths(depths);

  const known: (number | null)[] = [];
  return hints.map((hint, index) => {
    const parent = inferParent(hint, depths[index] ?? null, known, index);
    known.push(depths[index] ?? (parent !== null ? nextLevel(known[parent]) : null));
    return parent;
  });
}

function inferParent(
  hint: NestingHint,
  depth: number | null,
  known: readonly (number | null)[],
  index: number
): number | null {
  if (depth === 0) return null;
  if (index > 0 && hint.firstReply) return index - 1;
  if (depth !== null) return nearestAtDepth(known, index, depth - 1);
  if (hint.isReply && index > 0 && known[index - 1] === 0) return index - 1;
  return null;
}

function nearestAtDepth(known: readonly (number | null)[], index: number, wanted: number) {
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const depth = known[earlier];
    if (depth === null || depth === undefined || depth < wanted) return null;
    if (depth === wanted) return earlier;
  }
  return null;
}

function nextLevel(depth: number | null | undefined): number | null {
  return depth === null || depth === undefined ? null : depth + 1;
}

/**
 * The parents of the comments that are kept (`kept[i]`), renumbered to count kept comments
 * only: for leaving out collapsed comments that show no text. A reply to a comment left out
 * gets parent null.
 */
export function parentsOfKept(
  parents: readonly (number | null)[],
  kept: readonly boolean[]
): (number | null)[] {
  const newIndex: (number | null)[] = [];
  let next = 0;
  for (const keep of kept) newIndex.push(keep ? next++ : null);
  return parents.flatMap((parent, index) =>
    kept[index] ? [parent === null ? null : (newIndex[parent] ?? null)] : []
  );
}
