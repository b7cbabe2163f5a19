/**
 * New Reddit in copied page text. The post starts "r/sub" • "8 yr. ago", then the poster
 * and the title; each comment starts "name" • "3h ago" (badges such as "OP" in between,
 * "• Edited 2h ago" after), then the text, then "Upvote", the score, "Downvote", "Reply",
 * "Award", "Share". Threadlines do not survive a copy: parents are null unless indented.
 */
import type { CommentDraft, ParsedArticle, ThreadDraft } from '../types';
import { joinCommentLines } from './comment-cues';
import {
  matchBulletHeader,
  nextFilled,
  sectionStart,
  textBefore,
  trimTrailingControls,
  type BulletHeader,
  type BulletHeaderShape
} from './comment-lines';
import { depthsFromIndents, indentOf, parentsFromHints } from './comment-nesting';

/** Reddit's short relative times: "3h ago", "14m ago", "5 mo. ago", "8 yr. ago", "just now". */
const TIME = /^(?:\d+\s?(?:s|sec|m|min|h|hr|d|w|wk|mo|y|yr)s?\.? ago|just now)$/i;
const USERNAME = /^(?:\[deleted\]|\[removed\]|[A-Za-z0-9_-]{3,20})$/;
const SUBREDDIT = /^r\/[A-Za-z0-9_]{2,21}$/;
const BADGE = /^(?:OP|MOD|ADMIN|Top \d+% (?:Commenter|Poster)|Promoted)$/i;
const EDITED = /^(?:•\s*)?Edited \S+(?: \S+)? ago$/i;
const CONTROL =
  /^(?:Upvote|Downvote|Vote|Reply|Award|Give award|Share|Report|Save|Follow|…|\.\.\.|More replies|\d+ more repl(?:y|ies)|Continue this thread|View more comments|More comments)$/i;
const SECTION_MARKER =
  /^(?:Join the conversation|Sort by:.*|Search Comments|Expand comment search|Comments Section|Add a comment)$/i;
/** What follows the comments: the sidebar and footer. */
const SECTION_END =
  /^(?:Related Answers Section|Community Info Section|More posts you may like|Top Posts|Reddit Rules|User Agreement|Reddit, Inc\. ©.*|New to Reddit\?)$/i;

const SHAPE: BulletHeaderShape = {
  isAuthor: (line) => (USERNAME.test(line) || SUBREDDIT.test(line)) && !CONTROL.test(line),
  isTime: (line) => TIME.test(line),
  isBadge: (line) => BADGE.test(line)
};

interface Header extends BulletHeader {
  line: number;
}

export function scoreNewRedditText(lines: readonly string[]): number {
  const headers = findHeaders(lines);
  const comments = headers.filter((header) => !SUBREDDIT.test(header.author));
  if (comments.length === 0) return 0;
  const post = comments.length < headers.length;
  if (post || lines.some((line) => /^(?:Upvote|Downvote)$/.test(line.trim()))) return 0.9;
  return comments.length >= 2 ? 0.6 : 0.4;
}

export function parseNewRedditText(lines: readonly string[]): ThreadDraft {
  const headers = findHeaders(lines);
  const comments = headers.filter((header) => !SUBREDDIT.test(header.author));
  if (comments.length === 0) {
    const article = postArticle(lines, headers, lines.length);
    return { comments: [], article, articleText: textBefore(lines, lines.length) };
  }

  const depths = depthsFromIndents(comments.map((header) => indentOf(lines[header.line]!)));
  const parents = depths ? parentsFromHints(depths.map((depth) => ({ depth, isReply: null }))) : [];
  const drafts = comments.map((header, index): CommentDraft => {
    const text = joinCommentLines(bodyLines(lines, header.end, comments[index + 1]?.line));
    const gone = header.author.startsWith('[');
    return {
      author: gone ? null : header.author,
      postedAtRaw: header.time,
      text: gone && text === '' ? header.author : text,
      parent: parents[index] ?? null
    };
  });
  const start = sectionStart(lines, comments[0]!.line, (line) => SECTION_MARKER.test(line), 20);
  const article = postArticle(lines, headers, start);
  return { comments: drafts, article, articleText: textBefore(lines, start) };
}

function isPostControl(line: string): boolean {
  return CONTROL.test(line) || /^Go to comments$/i.test(line);
}

function findHeaders(lines: readonly string[]): Header[] {
  const headers: Header[] = [];
  for (let index = 0; index < lines.length; index++) {
    const header = matchBulletHeader(lines, index, SHAPE);
    if (!header) continue;
    headers.push({ ...header, line: index, end: afterEdited(lines, header.end) });
    index = header.end - 1;
  }
  return headers;
}

/** Skips "•" + "Edited 2h ago" after the time. */
function afterEdited(lines: readonly string[], from: number): number {
  let next = nextFilled(lines, from);
  if (lines[next]?.trim() === '•') next = nextFilled(lines, next + 1);
  return EDITED.test(lines[next]?.trim() ?? '') ? next + 1 : from;
}

function bodyLines(lines: readonly string[], start: number, end = lines.length): string[] {
  let stop = start;
  while (stop < end && !SECTION_END.test(lines[stop]!.trim())) stop++;
  return trimTrailingControls(lines.slice(start, stop), (line) => CONTROL.test(line));
}

/**
 * The post: its header "r/sub" • "8 yr. ago", the poster's name, the title, then the text
 * up to the post's own vote and share buttons.
 */
function postArticle(
  lines: readonly string[],
  headers: readonly Header[],
  end: number
): Partial<ParsedArticle> {
  const post = headers.find((header) => SUBREDDIT.test(header.author));
  if (!post || post.line >= end) return {};
  let next = nextFilled(lines, post.end);
  const poster = lines[next]?.trim() ?? '';
  const byline = USERNAME.test(poster) ? poster : null;
  if (byline) next = nextFilled(lines, next + 1);
  const title = next < end ? lines[next]!.trim() : '';
  const body = trimTrailingControls(lines.slice(next + 1, end), isPostControl);
  return { ...(title ? { title } : {}), byline, body: joinCommentLines(body) };
}
