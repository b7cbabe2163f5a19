/**
 * Disqus in copied page text: "Name" • "8 years ago" headers (one line or three), the
 * text, then vote counts and "Reply • Share ›". A deleted post shows only "This comment
 * was deleted." The copy does not show nesting, so every parent is null unless the
 * header lines kept their indentation.
 */
import type { CommentDraft, ThreadDraft } from '../types';
import { joinCommentLines } from './comment-cues';
import {
  matchBulletHeader,
  sectionStart,
  textBefore,
  trimTrailingControls,
  type BulletHeaderShape
} from './comment-lines';
import { depthsFromIndents, indentOf, parentsFromHints } from './comment-nesting';

/** Disqus spells relative times out in full: "8 years ago", "an hour ago". */
const TIME =
  /^(?:(?:\d+|an?) (?:second|minute|hour|day|week|month|year)s? ago|just now)(?: edited)?$/i;
const BADGE = /^(?:Mod|Moderator|Admin|Staff|Verified|Author|Top Commenter)$/i;
const CONTROL_TOKEN = /^(?:[•△▽−+–›-]|Reply|Share|Edit|Flag|\d+)$/i;
const CONTROL_PHRASE =
  /^(?:Show more replies|Load more comments|Hide replies|see more|View \d+ more repl(?:y|ies)|\d+ more repl(?:y|ies)|Show \d+ new (?:comments?|replies)|Flag as inappropriate)$/i;
const DELETED =
  /^(?:This comment was deleted\.|This comment has been removed\.?|This comment was marked as spam\.)$/i;
/** What the widget prints after the last comment. */
const SECTION_END =
  /^(?:Load more comments|Subscribe|✉ Subscribe|Add Disqus to your site.*|Disqus' Privacy Policy|Do Not Sell My Data|Powered by Disqus|comments powered by Disqus|Also on .+)$/i;
/** What the widget prints above the first comment. */
const SECTION_MARKER =
  /^(?:\d+ Comments?|Comments|What do you think\?|Join the discussion…?|Sort by (?:Best|Newest|Oldest)|Disqus' Privacy Policy|comments powered by Disqus)$/i;

const SHAPE: BulletHeaderShape = {
  isAuthor: (line) =>
    line.length > 0 &&
    line.length <= 60 &&
    !line.includes('•') &&
    /[\p{L}\p{N}]/u.test(line) &&
    !isControl(line) &&
    !TIME.test(line) &&
    !DELETED.test(line),
  isTime: (line) => TIME.test(line),
  isBadge: (line) => BADGE.test(line)
};

interface Header {
  line: number;
  end: number;
  author: string | null;
  time: string | null;
  /** Set for a deleted post, whose notice is all the text there is. */
  notice?: string;
}

/** A claim needs a named header, whose time matches TIME: "… ago" or "just now". */
export function mayBeDisqusText(text: string): boolean {
  return /ago|just now/i.test(text);
}

export function scoreDisqusText(lines: readonly string[]): number {
  const headers = findHeaders(lines).filter((header) => header.author !== null);
  if (headers.length === 0) return 0;
  const chrome = lines.some((line) => /Share ›|Disqus|^Load more comments$/.test(line.trim()));
  if (chrome) return 0.9;
  return headers.length >= 2 ? 0.6 : 0.4;
}

export function parseDisqusText(lines: readonly string[]): ThreadDraft {
  const headers = findHeaders(lines);
  if (headers.length === 0) return { comments: [], articleText: textBefore(lines, lines.length) };
  const depths = depthsFromIndents(headers.map((header) => indentOf(lines[header.line]!)));
  const parents = depths ? parentsFromHints(depths.map((depth) => ({ depth, isReply: null }))) : [];
  const comments = headers.map((header, index): CommentDraft => ({
    author: header.author,
    postedAtRaw: header.time,
    text: header.notice ?? joinCommentLines(bodyLines(lines, header.end, headers[index + 1]?.line)),
    parent: parents[index] ?? null
  }));
  const start = sectionStart(lines, headers[0]!.line, (line) => SECTION_MARKER.test(line));
  return { comments, articleText: textBefore(lines, start) };
}

function findHeaders(lines: readonly string[]): Header[] {
  const headers: Header[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (DELETED.test(line)) {
      headers.push({ line: index, end: index + 1, author: null, time: null, notice: line });
      continue;
    }
    const header = matchBulletHeader(lines, index, SHAPE);
    if (!header) continue;
    // "8 years ago edited": the edit marker is not part of the time.
    const time = header.time.replace(/ edited$/i, '');
    headers.push({ line: index, end: header.end, author: header.author, time });
    index = header.end - 1;
  }
  return headers;
}

/** A post's lines up to the next post, with the footer controls and section chrome cut off. */
function bodyLines(lines: readonly string[], start: number, end = lines.length): string[] {
  const body: string[] = [];
  for (let index = start; index < end; index++) {
    if (SECTION_END.test(lines[index]!.trim())) break;
    body.push(lines[index]!);
  }
  return trimTrailingControls(body, isControl);
}

function isControl(line: string): boolean {
  if (CONTROL_PHRASE.test(line)) return true;
  const tokens = line.split(/\s+/);
  return tokens.every((token) => CONTROL_TOKEN.test(token)) && tokens.some((t) => !/^\d+$/.test(t));
}
