/**
 * ZeroHedge (and other Drupal sites with the default comment markup). Copied as text, each
 * comment starts with the author's avatar, which copies as a line `Name's picture`; the
 * article's own author shows the same way directly under the title ("Tyler Durden's
 * picture", seed 004). Saved HTML is read from the DOM (zerohedge-html.ts).
 */
import { furnitureRule } from '../boilerplate';
import { parseTimestamp } from '../timestamp';
import type { CommentDraft, CommentFormat, Page, TextPage, ThreadDraft } from '../types';
import { detectZeroHedgeHtml, parseZeroHedgeHtml } from './zerohedge-html';
import { mentionsAny } from './html-markers';

/** Names may hold spaces, digits, underscores, apostrophes ("O'Brien's picture"). */
const PICTURE_LINE = /^\s*(\S.{0,49}?)['’]s picture\s*$/u;
/** What every PICTURE_LINE holds. */
const PICTURE_MARK = 's picture';
const MAX_NAME_WORDS = 6;

/** Widget text between comments, copied along with them. */
const COMMENT_FURNITURE = new Set([
  'Reply',
  'reply',
  'Permalink',
  'Parent',
  'Vote up!',
  'Vote down!',
  'Login or register to post comments',
  // A honeypot link ZeroHedge hides on its pages; it copies as text.
  'Do NOT follow this link or you will be banned from the site!'
]);

/** Old ZeroHedge shows "Name Thu, 05/18/2017 - 10:12" or "3 hours ago" above a comment's text. */
const COMMENT_HEADER =
  /^(?:.{1,50}?\s+)?((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{2}\/\d{2}\/\d{4}\s+-\s+\d{2}:\d{2})(?:\s*\|\s*\d+)?(?:\s+Permalink)?$|^(\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago)$/u;

export const zerohedge: CommentFormat = {
  id: 'zerohedge',
  name: "ZeroHedge (Name's picture)",
  maxEvidence: { text: 0.9, html: 0.9 },
  // Every comment of a copied page starts with a picture line; one search of the whole text.
  // HTML: a picture's alt text, or a username under a comment.
  mayClaim: (page) =>
    page.markup === 'html'
      ? mentionsAny(page.$, [PICTURE_MARK, 'username'])
      : page.text.includes(PICTURE_MARK),
  detect(page: Page): number {
    if (page.markup === 'html') return detectZeroHedgeHtml(page.$);
    return commentStarts(page).length > 0 ? 0.9 : 0;
  },
  parse(page: Page): ThreadDraft {
    return page.markup === 'html' ? parseZeroHedgeHtml(page.$) : parseText(page);
  }
};

interface PictureLine {
  index: number;
  name: string;
}

function pictureLines(lines: readonly string[]): PictureLine[] {
  const found: PictureLine[] = [];
  lines.forEach((line, index) => {
    // The substring test keeps the regex (and its backtracking) off all other lines.
    const name = line.includes(PICTURE_MARK) ? PICTURE_LINE.exec(line)?.[1]?.trim() : undefined;
    if (!name || name.split(/\s+/).length > MAX_NAME_WORDS) return;
    // The avatar is a block of its own: a blank line (or the page edge) above or below it.
    const blankAbove = index === 0 || lines[index - 1]!.trim() === '';
    const blankBelow = index === lines.length - 1 || lines[index + 1]!.trim() === '';
    if (blankAbove || blankBelow) found.push({ index, name });
  });
  return found;
}

/**
 * The byline: the first picture line when it sits directly under the title — the only
 * line above it, apart from site furniture (skip links) and a date. With article text
 * above it, it is the first comment.
 */
function bylineLine(
  lines: readonly string[],
  pictures: readonly PictureLine[]
): PictureLine | null {
  const first = pictures[0];
  if (!first) return null;
  let titles = 0;
  for (const line of lines.slice(0, first.index)) {
    if (line.trim() === '' || furnitureRule(line) !== null || isDateLine(line)) continue;
    if (++titles > 1) return null;
  }
  return titles === 1 ? first : null;
}

function isDateLine(line: string): boolean {
  return line.length <= 60 && parseTimestamp(line) !== null;
}

function commentStarts(page: TextPage): PictureLine[] {
  const pictures = pictureLines(page.lines);
  return bylineLine(page.lines, pictures) ? pictures.slice(1) : pictures;
}

function parseText(page: TextPage): ThreadDraft {
  const { lines } = page;
  const pictures = pictureLines(lines);
  const byline = bylineLine(lines, pictures);
  const starts = byline ? pictures.slice(1) : pictures;
  const articleEnd = starts[0]?.index ?? lines.length;
  const articleLines = lines.slice(0, articleEnd).filter((_, index) => index !== byline?.index);
  const comments = starts.map((start, position) =>
    commentFrom(
      start.name,
      lines.slice(start.index + 1, starts[position + 1]?.index ?? lines.length)
    )
  );
  return {
    comments,
    articleText: articleLines.join('\n'),
    ...(byline ? { article: { byline: byline.name } } : {})
  };
}

/** A comment's text: its lines, furniture gone, paragraphs kept, runs of blank lines made one. */
function commentFrom(author: string, segment: readonly string[]): CommentDraft {
  const lines = segment
    .map((line) => line.trimEnd())
    .filter((line) => !COMMENT_FURNITURE.has(line.trim()));
  const firstText = lines.findIndex((line) => line.trim() !== '');
  let postedAtRaw: string | null = null;
  const header = firstText >= 0 ? COMMENT_HEADER.exec(lines[firstText]!.trim()) : null;
  const moreBelow = lines.slice(firstText + 1).some((line) => line.trim() !== '');
  if (header && moreBelow) {
    postedAtRaw = header[1] ?? header[2] ?? null;
    lines.splice(firstText, 1);
  }
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { author, text, postedAtRaw };
}
