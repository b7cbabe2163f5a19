/**
 * Old Reddit in copied page text. Each comment starts with a tagline such as
 * "[–]hannah_l 214 points 3 hours ago (2 children)" ("[+]" when collapsed, "[deleted]" for
 * a deleted author) and ends with its buttons, "permalinkembedsaveparentreportreply"
 * (spaced or not). Only replies get a "parent" button, which is all the copy says about
 * nesting unless it kept the indentation.
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

/** "[–]name[S] 12 points 3 hours ago* (2 children)": toggle, author, optional markers, the rest. */
const TAGLINE =
  /^\[([–+-])\]\s*(\[deleted\]|\[removed\]|[\p{L}\p{N}_-]+)(?:\s*\[[SMAF+]+\])?\s+(.*)$/u;
const TIME = /(?:\d+ (?:second|minute|hour|day|week|month|year)s? ago|just now)/;
const SCORE = /(?:-?\d+ points?|\[score hidden\])/;
const BUTTONS =
  /^permalink(?:\s*(?:embed|save|unsave|parent|report|give award|give gold|reply|edit|delete|source|context|full comments|disable inbox replies|enable inbox replies))*\s*$/i;
const CHROME = /^(?:load more comments \(\d+ repl(?:y|ies)\)|continue this thread\s*→?)$/i;
/** The post's "7 commentssharesavehidereport" line, then "all 7 comments", "sorted by: best". */
const SECTION_MARKER =
  /^(?:\d+ comments?\s*share.*|all \d+ comments?|sorted by:.*|top \d+ comments?.*)$/i;
/** "submitted 3 hours ago by name to r/sub": the post's title is the line before it. */
const SUBMITTED = /^submitted .+ ago by (\S+)/;
const LINK_DOMAIN = /\s\((?:self\.\w+|[\w.-]+\.[a-z]{2,})\)$/i;

interface Tagline {
  line: number;
  author: string | null;
  time: string | null;
  collapsed: boolean;
}

/** A claim needs a "[–]name …" tagline (TAGLINE). */
export function mayBeOldRedditText(text: string): boolean {
  return /\[[–+-]\]/u.test(text);
}

export function scoreOldRedditText(lines: readonly string[]): number {
  const taglines = findTaglines(lines);
  if (taglines.length === 0) return 0;
  if (lines.some((line) => BUTTONS.test(line.trim()))) return 0.9;
  return taglines.length >= 2 ? 0.7 : 0.6;
}

export function parseOldRedditText(lines: readonly string[]): ThreadDraft {
  const taglines = findTaglines(lines);
  if (taglines.length === 0) {
    const article = postArticle(lines, lines.length);
    return { comments: [], article, articleText: textBefore(lines, lines.length) };
  }

  const bodies = taglines.map((tagline, index) =>
    bodyOf(lines, tagline.line + 1, taglines[index + 1]?.line ?? lines.length)
  );
  const depths = depthsFromIndents(taglines.map((tagline) => indentOf(lines[tagline.line]!)));
  const hints = bodies.map((body, index): NestingHint => ({
    depth: depths?.[index] ?? null,
    isReply: body.isReply
  }));
  // A collapsed comment shows no text and hides its replies: it is left out.
  const kept = taglines.map((tagline, index) => !tagline.collapsed || bodies[index]!.text !== '');
  const parents = parentsOfKept(parentsFromHints(hints), kept);
  const comments = taglines
    .map((tagline, index) => ({ tagline, text: bodies[index]!.text }))
    .filter((_, index) => kept[index])
    .map(({ tagline, text }, index): CommentDraft => ({
      author: tagline.author,
      postedAtRaw: tagline.time,
      text,
      parent: parents[index] ?? null
    }));
  const start = sectionStart(lines, taglines[0]!.line, (line) => SECTION_MARKER.test(line), 20);
  return { comments, article: postArticle(lines, start), articleText: textBefore(lines, start) };
}

function findTaglines(lines: readonly string[]): Tagline[] {
  const taglines: Tagline[] = [];
  lines.forEach((line, index) => {
    const match = TAGLINE.exec(line.trim());
    if (!match) return;
    const rest = match[3]!;
    const time = TIME.exec(rest)?.[0] ?? null;
    if (time === null && !SCORE.test(rest)) return;
    const author = match[2]!.startsWith('[') ? null : match[2]!;
    taglines.push({ line: index, author, time, collapsed: match[1] === '+' });
  });
  return taglines;
}

/** The comment's text up to its buttons line; the buttons say whether it is a reply. */
function bodyOf(lines: readonly string[], start: number, end: number) {
  const body: string[] = [];
  let isReply: boolean | null = null;
  for (let index = start; index < end; index++) {
    const line = lines[index]!.trim();
    if (BUTTONS.test(line)) {
      isReply = line.toLowerCase().includes('parent');
      break;
    }
    body.push(line);
  }
  while (body.length > 0 && (body.at(-1) === '' || CHROME.test(body.at(-1)!))) body.pop();
  return { text: joinCommentLines(body), isReply };
}

/** The submission: title above the "submitted … by name" line, self text below it. */
function postArticle(lines: readonly string[], end: number): Partial<ParsedArticle> {
  const submitted = lines.findIndex((line) => SUBMITTED.test(line.trim()));
  if (submitted < 0 || submitted >= end) return {};
  const { above, below } = linesAround(lines, submitted, end);
  const title = above?.replace(LINK_DOMAIN, '');
  return {
    ...(title ? { title } : {}),
    byline: SUBMITTED.exec(lines[submitted]!.trim())?.[1] ?? null,
    body: joinCommentLines(below)
  };
}
