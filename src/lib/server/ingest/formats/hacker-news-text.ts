/**
 * Hacker News in copied page text: "name 3 hours ago | root | parent | prev | next [–]"
 * headers, the text, then "reply". The copy loses the indentation, but the navigation
 * links say a lot: no "parent" means top level, "parent" without "root" means a reply to
 * a top-level comment, and (on pages that print "prev") no "prev" means a first reply,
 * whose parent is the comment right before it.
 */
import type { CommentDraft, ParsedArticle, ThreadDraft } from '../types';
import { joinCommentLines } from './comment-cues';
import { linesAround, sectionStart, textBefore } from './comment-lines';
import {
  depthsFromIndents,
  indentOf,
  parentsFromHints,
  parentsOfKept,
  type NestingHint
} from './comment-nesting';

const TOGGLE = /\s*\[(?:–|-|\+|\d+ more)\]$/;
/** "name 8 years ago", "8 years ago [flagged]" (no name: deleted), "name on Nov 10, 2016". */
const BYLINE =
  /^(?:(\S+) )?(\d+ (?:second|minute|hour|day|month|year)s? ago|on [A-Z][a-z]{2} \d{1,2}, \d{4})(?: \[(?:flagged|dead|deleted)\])?$/;
const NAV = /^(?:root|parent|prev|next|context|edit|delete|flag|favorite|on: .+)$/;
const REPLY = /^reply$/i;
/** "87 points by transit_fan 8 years ago | hide | past | …": the title is the line above. */
const SUBTEXT = /^\d+ points? by (\S+) /;
const LINK_DOMAIN = /\s\([\w.-]+\.[a-z]{2,}(?:\/\S*)?\)$/i;
const SECTION_MARKER = /^add comment$/i;

interface Header {
  line: number;
  author: string | null;
  time: string;
  navs: string[];
  collapsed: boolean;
}

/** A claim needs a header, whose BYLINE holds "… ago" or "on Nov 10, 2016". */
export function mayBeHackerNewsText(text: string): boolean {
  return text.includes(' ago') || /on [A-Z][a-z]{2} \d{1,2}, \d{4}/.test(text);
}

export function scoreHackerNewsText(lines: readonly string[]): number {
  const headers = findHeaders(lines);
  if (headers.length === 0) return 0;
  if (lines.some((line) => REPLY.test(line.trim()))) return 0.9;
  return headers.length >= 2 ? 0.7 : 0.6;
}

export function parseHackerNewsText(lines: readonly string[]): ThreadDraft {
  const headers = findHeaders(lines);
  if (headers.length === 0) {
    const article = storyArticle(lines, lines.length);
    return { comments: [], article, articleText: textBefore(lines, lines.length) };
  }

  const texts = headers.map((header, index) =>
    bodyText(lines, header.line + 1, headers[index + 1]?.line ?? lines.length)
  );
  // A collapsed comment shows no text and hides its replies: it is left out.
  const kept = headers.map((header, index) => !header.collapsed || texts[index] !== '');
  const parents = parentsOfKept(parentsFromHints(nestingHints(lines, headers)), kept);
  const comments = headers
    .map((header, index) => ({ header, text: texts[index]! }))
    .filter((_, index) => kept[index])
    .map(({ header, text }, index): CommentDraft => ({
      author: header.author,
      postedAtRaw: header.time,
      text,
      parent: parents[index] ?? null
    }));
  const start = sectionStart(lines, headers[0]!.line, (line) => SECTION_MARKER.test(line), 20);
  return { comments, article: storyArticle(lines, start), articleText: textBefore(lines, start) };
}

function findHeaders(lines: readonly string[]): Header[] {
  const headers: Header[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    // A header ends in the toggle or carries navigation; checked first, as most lines do neither.
    if (!trimmed.endsWith(']') && !trimmed.includes(' | ')) return;
    const toggle = TOGGLE.exec(trimmed);
    const [byline = '', ...navs] = trimmed.slice(0, toggle?.index).split(' | ');
    const match = BYLINE.exec(byline.trim());
    if (!match || !navs.every((nav) => NAV.test(nav.trim()))) return;
    // A bare "name 3 hours ago" could be prose; HN prints navigation or the toggle after it.
    if (!toggle && navs.length === 0) return;
    headers.push({
      line: index,
      author: match[1] ?? null,
      time: match[2]!,
      navs: navs.map((nav) => nav.trim()),
      collapsed: toggle !== null && !toggle[0].includes('–') && !toggle[0].includes('-')
    });
  });
  return headers;
}

function nestingHints(lines: readonly string[], headers: readonly Header[]): NestingHint[] {
  const depths = depthsFromIndents(headers.map((header) => indentOf(lines[header.line]!)));
  if (depths) return depths.map((depth) => ({ depth, isReply: depth > 0 }));
  // Pages from before HN added "root" and "prev" print neither anywhere.
  const printsPrev = headers.some((h) => h.navs.includes('prev') || h.navs.includes('root'));
  return headers.map((header): NestingHint => {
    const isReply = header.navs.includes('parent');
    if (!isReply) return { depth: 0, isReply };
    const depth = printsPrev && !header.navs.includes('root') ? 1 : null;
    return { depth, isReply, firstReply: printsPrev && !header.navs.includes('prev') };
  });
}

/** The comment's lines up to its "reply" link. */
function bodyText(lines: readonly string[], start: number, end: number): string {
  const body: string[] = [];
  for (let index = start; index < end && !REPLY.test(lines[index]!.trim()); index++)
    body.push(lines[index]!);
  return joinCommentLines(body);
}

/** The story: title above the "87 points by name …" line, text (Ask HN) below it. */
function storyArticle(lines: readonly string[], end: number): Partial<ParsedArticle> {
  const subtext = lines.findIndex((line) => SUBTEXT.test(line.trim()));
  if (subtext < 0 || subtext >= end) return {};
  const { above, below } = linesAround(lines, subtext, end);
  const title = above?.replace(LINK_DOMAIN, '');
  return {
    ...(title ? { title } : {}),
    byline: SUBTEXT.exec(lines[subtext]!.trim())?.[1] ?? null,
    body: joinCommentLines(below)
  };
}
