/**
 * The article of a text page (copied page text, or the part of it before the comments):
 * the title is the first meaningful line once site furniture is gone, a byline or date
 * line just under it is read rather than kept, and the rest is the body, paragraph by
 * paragraph. Also cleans the rendered text of an HTML article body (no title to find).
 */
import { furnitureRule, removeNameHoverText } from './boilerplate';
import { toLines } from './dom';
import { markFigureLines } from './figure';
import { parseTimestamp } from './timestamp';

export interface TextArticle {
  title: string | null;
  body: string;
  byline: string | null;
  publishedAt: string | null;
}

/** A headline is a line; a first "line" longer than this is a paragraph of a page without one. */
const MAX_TITLE_LENGTH = 300;
/** How many lines under the title may hold a byline or a date (a standfirst may come first). */
const HEADER_LINES = 4;

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}`;
const BYLINE = new RegExp(String.raw`^By\s+(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)$`, 'u');
/** ZeroHedge shows the author's avatar under the title; copied, it is "Tyler Durden's picture". */
const PICTURE_BYLINE = /^(\S.{0,59}?)['’]s picture$/u;
const DATELINE = /^(?:published|posted|updated|last updated|date)(?: on)?\s*:?\s*(.{6,60})$/iu;
const MAX_DATE_LINE = 50;

export function articleFromText(text: string): TextArticle {
  const lines = toLines(removeNameHoverText(text)).map((line) => line.trim());
  const marks = lines.map((line) => furnitureRule(line) !== null);
  const first = lines.findIndex((line, index) => !marks[index] && isHeadline(line));
  const titleIndex = first >= 0 && lines[first]!.length <= MAX_TITLE_LENGTH ? first : -1;
  markFigureLines(lines, marks, titleIndex);
  const header = titleIndex >= 0 ? readHeader(lines, marks, titleIndex) : noHeader();
  return {
    title: titleIndex >= 0 ? lines[titleIndex]! : null,
    body: paragraphs(lines, marks, titleIndex + 1),
    ...header
  };
}

/** Body text without furniture, for HTML pages whose title is known from the markup. */
export function cleanBodyText(text: string, title: string | null): string {
  const lines = toLines(removeNameHoverText(text)).map((line) => line.trim());
  const marks = lines.map((line) => furnitureRule(line) !== null || line === title);
  markFigureLines(lines, marks, -1);
  return paragraphs(lines, marks, 0);
}

function isHeadline(line: string): boolean {
  return (
    /\p{L}.*\p{L}/u.test(line) &&
    !BYLINE.test(line) &&
    !PICTURE_BYLINE.test(line) &&
    !isDateLine(line)
  );
}

function noHeader(): Pick<TextArticle, 'byline' | 'publishedAt'> {
  return { byline: null, publishedAt: null };
}

/** Reads and marks byline and date lines just under the title. */
function readHeader(
  lines: readonly string[],
  marks: boolean[],
  titleIndex: number
): Pick<TextArticle, 'byline' | 'publishedAt'> {
  const header = noHeader();
  let seen = 0;
  for (let index = titleIndex + 1; index < lines.length && seen < HEADER_LINES; index++) {
    const line = lines[index]!;
    if (line === '' || marks[index]) continue;
    seen++;
    const byline = BYLINE.exec(line)?.[1] ?? PICTURE_BYLINE.exec(line)?.[1];
    if (byline && header.byline === null) {
      header.byline = byline.trim();
      marks[index] = true;
    } else if (header.publishedAt === null) {
      // The date is read once: it is both the test for a date line and the value kept.
      header.publishedAt = dateOfLine(line);
      if (header.publishedAt !== null) marks[index] = true;
    }
  }
  return header;
}

function isDateLine(line: string): boolean {
  return dateOfLine(line) !== null;
}

/** The date a date line ("Published: …", or a short line that is a date) gives, else null. */
function dateOfLine(line: string): string | null {
  const dated = DATELINE.exec(line)?.[1];
  if (dated) return parseTimestamp(dated);
  return line.length <= MAX_DATE_LINE && !/[.!?]$/.test(line) ? parseTimestamp(line) : null;
}

/** Unmarked lines from `from`: lines of a block joined by '\n', blocks by a blank line. */
function paragraphs(lines: readonly string[], marks: readonly boolean[], from: number): string {
  const blocks: string[][] = [[]];
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') blocks.push([]);
    else if (!marks[index]) blocks[blocks.length - 1]!.push(line);
  }
  return blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'))
    .join('\n\n');
}
