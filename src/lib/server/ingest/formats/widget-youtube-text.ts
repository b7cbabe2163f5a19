/**
 * A YouTube watch page as copied text: the video title, channel and description, the
 * "1,284 Comments" header, then per comment
 *
 *   @handle / 3 years ago (edited) / text / like count / Reply / [N replies]
 *
 * Indentation is lost in a copy, so a reply is recognised by the "N replies" line under
 * its thread's top comment: the next N comments are that thread's replies.
 */
import type { CommentDraft, ThreadDraft } from '../types';
import { findBlocks, type BlockShape, type LineBlock } from './comment-blocks';
import {
  isActionLine,
  isCountLine,
  isNameLine,
  joinCommentLines,
  lastIndexWhere
} from './comment-cues';
import { isTimeLine } from './comment-dates';

const HANDLE = /^@[\p{L}\p{N}._·-]{2,}$/u;
const REPLY_COUNT =
  /^(?:View |Show |▼ ?|▲ ?)?(\d+|one|a) (?:more )?(?:repl(?:y|ies)|Antworten|Antwort|ответ(?:а|ов)?|réponses?|respuestas?)$/iu;
/** Under the last loaded reply of a thread whose other replies were not expanded. */
const MORE_REPLIES = /^(?:Show more replies|Weitere Antworten anzeigen|Показать ещё ответы)$/iu;
const EXPANDERS =
  /^(?:Hide replies|Read more|Show less|Mehr anzeigen|Weniger anzeigen|Читать дальше|Свернуть)$/iu;
const SUBSCRIBERS =
  /^[\d.,]+\s?(?:[KMТ]|тыс\.|Mio\.)?\s?(?:subscribers|Abonnenten|подписчик(?:ов|а)?)$/iu;
const YOUTUBE_CHROME =
  /^(?:Add a comment…|Add a comment\.\.\.|Sort by|Kommentar hinzufügen…|Sortieren nach|Введите комментарий|Упорядочить)$/iu;
const COMMENT_COUNT = /^[\d.,\s]+(?:Comments|Kommentare|комментари(?:й|я|ев))$/iu;
/** YouTube's relative times ("3 years ago", "vor 2 Jahren"), never an absolute date. */
const ABSOLUTE = /\d{4}/;

const SHAPE: BlockShape = {
  isAuthor: (line) => HANDLE.test(line) || isNameLine(line),
  isTime: (line) => isTimeLine(line) && !ABSOLUTE.test(line),
  isControl: (line) =>
    isActionLine(line) ||
    isCountLine(line) ||
    REPLY_COUNT.test(line) ||
    MORE_REPLIES.test(line) ||
    EXPANDERS.test(line)
};

/**
 * Every claim of 0.5 or more needs an @handle author or two lines of YouTube's chrome, so a
 * page with neither an '@' nor a chrome word anywhere is not YouTube's (same words, same flags).
 */
const CHROME_WORDS =
  /Add a comment|Sort by|Kommentar hinzufügen|Sortieren nach|Введите комментарий|Упорядочить|subscribers|Abonnenten|подписчик/iu;

export function mayBeYoutubeText(text: string): boolean {
  return text.includes('@') || CHROME_WORDS.test(text);
}

export function detectYoutubeText(lines: readonly string[]): number {
  const blocks = findBlocks(lines, SHAPE, commentsStart(lines)).filter(
    (block) => block.controls.length > 0
  );
  // Most pages are not YouTube's: the walk over every line for its chrome waits until then.
  if (blocks.length === 0) return 0;
  const handles = blocks.filter((block) => HANDLE.test(block.author)).length;
  const chrome = lines.filter(
    (line) => YOUTUBE_CHROME.test(line.trim()) || SUBSCRIBERS.test(line.trim())
  ).length;
  if (handles >= Math.max(1, blocks.length / 2) && chrome >= 1) return 0.9;
  if (handles >= 2 || (chrome >= 2 && blocks.length >= 2)) return 0.7;
  return 0.2;
}

export function parseYoutubeText(lines: readonly string[]): ThreadDraft {
  const start = commentsStart(lines);
  const blocks = findBlocks(lines, SHAPE, start);
  const comments: CommentDraft[] = [];
  let repliesLeft = 0;
  for (const block of blocks) {
    const depth = repliesLeft > 0 ? 1 : 0;
    if (depth === 0) repliesLeft = replyCount(block);
    else if (block.controls.some((line) => MORE_REPLIES.test(line))) repliesLeft = 0;
    else repliesLeft--;
    comments.push({
      author: block.author,
      postedAtRaw: block.time,
      text: joinCommentLines(lines.slice(block.textStart, block.textEnd)),
      depth
    });
  }
  const articleEnd = start > 0 ? start : (blocks[0]?.authorLine ?? lines.length);
  return {
    article: { ...videoHeading(lines.slice(0, articleEnd)), source: 'YouTube' },
    articleText: lines.slice(0, articleEnd).join('\n'),
    comments
  };
}

/** The comments header ("1,284 Comments"), 0 when the copy has none. */
function commentsStart(lines: readonly string[]): number {
  return Math.max(
    0,
    lastIndexWhere(lines, (line) => COMMENT_COUNT.test(line.trim()))
  );
}

/** The channel name sits above its subscriber count, and the video title above the channel. */
function videoHeading(lines: readonly string[]): { title?: string; byline?: string } {
  const shown = lines.map((line) => line.trim()).filter((line) => line !== '');
  const subscribers = shown.findIndex((line) => SUBSCRIBERS.test(line));
  if (subscribers < 2) return {};
  return { title: shown[subscribers - 2]!, byline: shown[subscribers - 1]! };
}

function replyCount(block: LineBlock): number {
  for (const control of block.controls) {
    const match = REPLY_COUNT.exec(control);
    if (match) return /^\d+$/.test(match[1]!) ? Number(match[1]) : 1;
  }
  return 0;
}
