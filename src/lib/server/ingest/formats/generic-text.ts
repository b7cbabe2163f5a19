/**
 * The generic fallback on copied text: comments of an unknown system still repeat one shape,
 *
 *   name / date or relative time (or "name · time" on one line) / text / Reply (Antworten,
 *   Ответить, Répondre …), maybe with a like count,
 *
 * and an article does not. A block counts only when its text is followed by a reply
 * control, and a page needs two such blocks: a news article that quotes people, prints
 * dates and has one "Reply" button yields nothing.
 */
import type { CommentDraft, ThreadDraft } from '../types';
import { findBlocks, type BlockShape, type LineBlock } from './comment-blocks';
import {
  articleEndBefore,
  isActionLine,
  isCountLine,
  isNameLine,
  hasReplyWord,
  isReplyLine,
  isSectionChrome,
  joinCommentLines
} from './comment-cues';
import { isTimeLine } from './comment-dates';

/** Longer than any comment we expect: a "block" this long has swallowed an article. */
const MAX_COMMENT_CHARS = 5000;
const HEADER_SEPARATOR = /\s+[·•|—–-]\s+/u;
/** "In reply to Anna", "Antwort an Anna", "Ответ для Анна": a reply that names its parent. */
const REPLY_TO =
  /^(?:In reply to|Replying to|Reply to|Antwort an|Antwort auf|Ответ для|В ответ на|En réponse à|En respuesta a|In risposta a|W odpowiedzi na)\s+@?(.+?):?$/iu;

const SHAPE: BlockShape = {
  isAuthor: (line) => isNameLine(line) && !isSectionChrome(line),
  isTime: isTimeLine,
  isControl: (line) => isActionLine(line) || isCountLine(line),
  splitHeader: (line) => {
    const parts = line.split(HEADER_SEPARATOR);
    if (parts.length !== 2) return null;
    const [author, time] = parts as [string, string];
    return isNameLine(author) && isTimeLine(time) ? { author, time } : null;
  }
};

/**
 * The comment blocks a page shows, from the first one with a reply control (an article's
 * own byline and date before it is no comment), or none when fewer than two can be replied to.
 */
export function findGenericBlocks(lines: readonly string[]): LineBlock[] {
  const blocks = findBlocks(lines, SHAPE).filter((block) => isComment(lines, block));
  const replyable = blocks.filter(canReply);
  return replyable.length >= 2 ? blocks.slice(blocks.indexOf(replyable[0]!)) : [];
}

function canReply(block: LineBlock): boolean {
  return block.controls.some(isReplyLine);
}

function isComment(lines: readonly string[], block: LineBlock): boolean {
  const text = joinCommentLines(lines.slice(block.textStart, block.textEnd));
  return text !== '' && text.length <= MAX_COMMENT_CHARS && block.controls.length > 0;
}

/**
 * A claim needs two blocks with a reply control, and a reply control line passes HAS_REPLY;
 * a line is part of the page's text, so without a reply word in the text nothing can claim.
 */
export function mayBeGenericText(text: string): boolean {
  return hasReplyWord(text);
}

export function detectGenericText(lines: readonly string[]): number {
  const blocks = findGenericBlocks(lines);
  const replyable = blocks.filter(canReply).length;
  if (replyable >= 3) return 0.8;
  return replyable === 2 ? 0.6 : 0;
}

export function parseGenericText(lines: readonly string[]): ThreadDraft {
  const blocks = findGenericBlocks(lines);
  const comments: CommentDraft[] = [];
  for (const block of blocks) {
    const own = lines.slice(block.textStart, block.textEnd);
    const firstLine = own.findIndex((line) => line.trim() !== '');
    const replyTo = firstLine >= 0 ? REPLY_TO.exec(own[firstLine]!.trim()) : null;
    comments.push({
      author: block.author,
      postedAtRaw: block.time,
      text: joinCommentLines(replyTo ? own.slice(firstLine + 1) : own),
      parent: replyTo ? latestBy(comments, replyTo[1]!) : null
    });
  }
  const articleEnd = blocks[0] ? articleEndBefore(lines, blocks[0].authorLine) : lines.length;
  return { comments, articleText: lines.slice(0, articleEnd).join('\n') };
}

/** The most recent earlier comment by `author`, or null. */
function latestBy(comments: readonly CommentDraft[], author: string): number | null {
  const wanted = author.trim().toLocaleLowerCase();
  for (let index = comments.length - 1; index >= 0; index--) {
    if (comments[index]!.author?.toLocaleLowerCase() === wanted) return index;
  }
  return null;
}
