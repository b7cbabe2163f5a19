/**
 * Line helpers for copied page text, shared by the formats: finding a "Name • time"
 * header however the browser broke it into lines, trimming widget controls off the end
 * of a comment, and finding where the comment section starts.
 */

/** Index of the first non-blank line at or after `from`, or lines.length. */
export function nextFilled(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index]!.trim() === '') index++;
  return index;
}

export interface BulletHeader {
  author: string;
  time: string;
  /** Index of the first line after the header. */
  end: number;
}

export interface BulletHeaderShape {
  isAuthor(line: string): boolean;
  isTime(line: string): boolean;
  /** Badges a widget prints between the name and the bullet ("Mod", "OP"). */
  isBadge?(line: string): boolean;
}

const BULLET = '•';

/**
 * Whether any line holds a bullet, once per page: every header shape needs one, and the
 * formats try a header at every line, so a page without bullets (most) skips them all.
 */
const bulletPages = new WeakMap<readonly string[], boolean>();
function hasBullet(lines: readonly string[]): boolean {
  let has = bulletPages.get(lines);
  if (has === undefined) {
    has = lines.some((line) => line.includes(BULLET));
    bulletPages.set(lines, has);
  }
  return has;
}

/**
 * Matches "Name • time" starting at line `start`, in any of the ways a copy breaks it:
 * one line, "Name" + "• time", or "Name" + "•" + "time" (blank lines allowed between).
 */
export function matchBulletHeader(
  lines: readonly string[],
  start: number,
  shape: BulletHeaderShape
): BulletHeader | null {
  if (!hasBullet(lines)) return null;
  const first = lines[start]?.trim() ?? '';
  const inline = first.split(` ${BULLET} `);
  if (inline.length === 2 && shape.isAuthor(inline[0]!) && shape.isTime(inline[1]!))
    return { author: inline[0]!, time: inline[1]!, end: start + 1 };
  if (!shape.isAuthor(first)) return null;

  let next = nextFilled(lines, start + 1);
  while (next < lines.length && shape.isBadge?.(lines[next]!.trim()))
    next = nextFilled(lines, next + 1);
  const bulletLine = lines[next]?.trim() ?? '';
  if (!bulletLine.startsWith(BULLET)) return null;
  const rest = bulletLine.slice(BULLET.length).trim();
  if (rest !== '') return shape.isTime(rest) ? { author: first, time: rest, end: next + 1 } : null;
  const timeIndex = nextFilled(lines, next + 1);
  const time = lines[timeIndex]?.trim() ?? '';
  return shape.isTime(time) ? { author: first, time, end: timeIndex + 1 } : null;
}

/**
 * Drops widget controls from the end of a comment's lines. A bare number (a vote count)
 * only goes once a control has gone, so a comment that ends in a number keeps it.
 */
export function trimTrailingControls(
  lines: readonly string[],
  isControl: (line: string) => boolean
): string[] {
  let end = lines.length;
  let trimmedControl = false;
  while (end > 0) {
    const line = lines[end - 1]!.trim();
    if (line === '') end--;
    else if (isControl(line)) {
      end--;
      trimmedControl = true;
    } else if (trimmedControl && /^[-−]?[\d.,]+[KkMm]?$/.test(line)) end--;
    else break;
  }
  return lines.slice(0, end);
}

/**
 * Where the comment section starts: the earliest section marker ("47 Comments", "Sort by")
 * among the `window` lines before the first comment, else the first comment itself.
 */
export function sectionStart(
  lines: readonly string[],
  firstComment: number,
  isMarker: (line: string) => boolean,
  window = 40
): number {
  for (let index = Math.max(0, firstComment - window); index < firstComment; index++)
    if (isMarker(lines[index]!.trim())) return index;
  return firstComment;
}

/** The page text before line `end`: what the core extracts the article from. */
export function textBefore(lines: readonly string[], end: number): string {
  return lines.slice(0, end).join('\n').trim();
}

/**
 * A submission laid out around one line (Reddit's "submitted … by name", HN's "87 points by
 * name"): the nearest filled line above it (the title) and the lines below it up to `end`.
 */
export function linesAround(
  lines: readonly string[],
  anchor: number,
  end: number
): { above: string | null; below: string[] } {
  let above = anchor - 1;
  while (above >= 0 && lines[above]!.trim() === '') above--;
  return {
    above: above >= 0 ? lines[above]!.trim() : null,
    below: lines.slice(anchor + 1, Math.max(anchor + 1, end))
  };
}
