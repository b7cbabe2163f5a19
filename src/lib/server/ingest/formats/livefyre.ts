/**
 * Livefyre (Adobe Livefyre Comments 3), embedded under many news articles until 2019.
 * Saved HTML: `.fyre-comment-article` per comment with `.fyre-comment-username`,
 * `.fyre-comment-date` and the text in `.fyre-comment`; replies sit in the parent's
 * `.fyre-comment-children`, or flat with a `fyre-comment-depth-N` class. Copied text: the
 * stream header ("24 Comments", "12 people listening"), then per comment author / date /
 * text / "Like Reply Share" controls; nesting is lost in a copy.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { CommentDraft, CommentFormat, HtmlPage, Page, ThreadDraft } from '../types';
import { findBlocks, type BlockShape } from './comment-blocks';
import {
  articleEndBefore,
  isActionLine,
  isCountLine,
  isNameLine,
  joinCommentLines,
  lastIndexWhere
} from './comment-cues';
import { isoFromAttribute, isTimeLine } from './comment-dates';
import { ownFind } from './comment-dom';
import { renderText } from '../dom';
import { mentionsAny } from './html-markers';

const COMMENT = '.fyre-comment-article';
const DEPTH_CLASS = /\bfyre-comment-depth-(\d+)\b/;
/** The stream header and footer Livefyre prints around the comments. */
const LIVEFYRE_CUE =
  /^(?:[\d,.]+ (?:people|person) listening|Powered by Livefyre|Livefyre|[\d,.]+ Personen hören zu)$/iu;
/** What every LIVEFYRE_CUE line holds, same flags: a copied text claim needs one. */
const CUE_WORDS = /listening|Livefyre|Personen hören zu/iu;
const STREAM_HEADER = /^[\d,.]+ (?:Comments?|Kommentare?|комментари(?:й|я|ев))$/iu;

/**
 * The stream header ("24 Comments"; the last one, as articles repeat the count as a link
 * near their headline) or, without one, the first Livefyre line.
 */
function streamStart(lines: readonly string[]): number {
  const header = lastIndexWhere(lines, (line) => STREAM_HEADER.test(line.trim()));
  if (header >= 0) return header;
  const cue = lines.findIndex((line) => LIVEFYRE_CUE.test(line.trim()));
  return cue >= 0 ? cue : 0;
}

const SHAPE: BlockShape = {
  isAuthor: isNameLine,
  isTime: isTimeLine,
  isControl: (line) => isActionLine(line) || isCountLine(line)
};

export const livefyre: CommentFormat = {
  id: 'livefyre',
  name: 'Livefyre',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html' ? mentionsAny(page.$, ['fyre']) : CUE_WORDS.test(page.text),
  detect: (page: Page) => (page.markup === 'html' ? detectHtml(page) : detectText(page.lines)),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parseText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  if ($(COMMENT).length > 0) return 0.95;
  return $('#livefyre-comments .fyre, .fyre-widget, .fyre-comment-stream').length > 0 ? 0.6 : 0;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const comments = $(COMMENT)
    .toArray()
    .map((node) => toComment($, $(node)))
    .filter((comment): comment is CommentDraft => comment !== null);
  const stream = $('#livefyre-comments, .fyre-comment-stream').first();
  return {
    comments,
    commentNodes: stream.length > 0 ? stream.toArray() : $(COMMENT).toArray()
  };
}

/** A comment, or null for a removed one (Livefyre keeps its box but not its text). */
function toComment($: CheerioAPI, comment: Cheerio<Element>): CommentDraft | null {
  const own = (selector: string): Cheerio<Element> => ownFind($, comment, selector, COMMENT);
  if (own('.fyre-comment').length === 0) return null;
  const time = own('.fyre-comment-date');
  const nested = comment.parents(COMMENT).length;
  const depthClass = DEPTH_CLASS.exec(comment.attr('class') ?? '');
  return {
    author: renderText(own('.fyre-comment-username')) || null,
    postedAtRaw: renderText(time) || null,
    postedAt:
      isoFromAttribute(time.attr('datetime')) ?? isoFromAttribute(time.attr('data-timestamp')),
    text: renderText(own('.fyre-comment')),
    depth: nested > 0 || !depthClass ? nested : Number(depthClass[1])
  };
}

function detectText(lines: readonly string[]): number {
  const cues = lines.filter((line) => LIVEFYRE_CUE.test(line.trim())).length;
  if (cues === 0) return 0;
  const blocks = findBlocks(lines, SHAPE, streamStart(lines)).filter(
    (block) => block.controls.length > 0
  );
  if (blocks.length >= 2) return cues >= 2 ? 0.9 : 0.8;
  return blocks.length === 1 ? 0.6 : 0.3;
}

function parseText(lines: readonly string[]): ThreadDraft {
  const start = streamStart(lines);
  const blocks = findBlocks(lines, SHAPE, start);
  return {
    articleText: lines.slice(0, articleEndBefore(lines, start)).join('\n'),
    comments: blocks.map((block) => ({
      author: block.author,
      postedAtRaw: block.time,
      text: joinCommentLines(lines.slice(block.textStart, block.textEnd))
    }))
  };
}
