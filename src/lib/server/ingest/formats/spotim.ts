/**
 * Spot.IM (OpenWeb) conversations under news articles. Saved HTML marks its parts with
 * `data-spot-im-class`: a `message-view` per comment with `message-username`,
 * `message-timestamp` and `message-text`; replies sit in a `replies-list` under their parent
 * (older builds also carry `spcv_` classes). Copied text: the "Conversation" header, then per
 * comment author / time ("3h", "2 days ago") / text / "Reply" and a vote count; nesting is
 * lost in a copy.
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

const MESSAGE = '[data-spot-im-class="message-view"]';
const USERNAME = '[data-spot-im-class="message-username"], .spcv_username';
const TIMESTAMP = '[data-spot-im-class="message-timestamp"], .spcv_message-timestamp';
const TEXT = '[data-spot-im-class="message-text"], .spcv_message-text';
const REPLIES = '[data-spot-im-class="replies-list"], .spcv_children-list';
const CONVERSATION =
  '[data-spotim-module="conversation"], [data-spot-im-class="conversation"], .spcv_conversation';

const POWERED_BY = /^(?:Powered by (?:OpenWeb|Spot\.IM)|OpenWeb|Spot\.IM)$/iu;
const CONVERSATION_HEADER = /^(?:Conversation|Unterhaltung|Обсуждение)$/iu;
/** What POWERED_BY or CONVERSATION_HEADER lines hold, same flags: a copied text claim needs one. */
const MARK_WORDS = /OpenWeb|Spot\.IM|Conversation|Unterhaltung|Обсуждение/iu;
const SHAPE: BlockShape = {
  isAuthor: isNameLine,
  isTime: isTimeLine,
  isControl: (line) =>
    isActionLine(line) || isCountLine(line) || /^(?:Show|Hide) \d* ?(?:more )?replies$/iu.test(line)
};

export const spotim: CommentFormat = {
  id: 'spotim',
  name: 'Spot.IM (OpenWeb)',
  maxEvidence: { text: 0.85, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html'
      ? mentionsAny(page.$, ['message-view', 'conversation'])
      : MARK_WORDS.test(page.text),
  detect: (page: Page) => (page.markup === 'html' ? detectHtml(page) : detectText(page.lines)),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parseText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  if ($(MESSAGE).length > 0) return 0.95;
  return $(CONVERSATION).length > 0 ? 0.6 : 0;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const comments = $(MESSAGE)
    .toArray()
    .map((node) => toComment($, $(node)))
    .filter((comment): comment is CommentDraft => comment !== null);
  const conversation = $(CONVERSATION).first();
  return {
    comments,
    commentNodes: conversation.length > 0 ? conversation.toArray() : $(MESSAGE).toArray()
  };
}

/** A comment, or null for a deleted one (its box stays, without text). */
function toComment($: CheerioAPI, message: Cheerio<Element>): CommentDraft | null {
  const own = (selector: string): Cheerio<Element> => ownFind($, message, selector, MESSAGE);
  if (own(TEXT).length === 0) return null;
  const time = own(TIMESTAMP);
  return {
    author: renderText(own(USERNAME)) || null,
    postedAtRaw: renderText(time) || null,
    postedAt: isoFromAttribute(time.attr('datetime')),
    text: renderText(own(TEXT)),
    depth: message.parents(REPLIES).length
  };
}

function detectText(lines: readonly string[]): number {
  const poweredBy = lines.some((line) => POWERED_BY.test(line.trim()));
  const header = lines.some((line) => CONVERSATION_HEADER.test(line.trim()));
  if (!poweredBy && !header) return 0;
  const blocks = findBlocks(lines, SHAPE, conversationStart(lines)).filter(
    (block) => block.controls.length > 0
  );
  if (blocks.length === 0) return poweredBy && header ? 0.5 : 0;
  return poweredBy ? 0.85 : blocks.length >= 2 ? 0.6 : 0.4;
}

function parseText(lines: readonly string[]): ThreadDraft {
  const start = conversationStart(lines);
  return {
    articleText: lines.slice(0, articleEndBefore(lines, start)).join('\n'),
    comments: findBlocks(lines, SHAPE, start).map((block) => ({
      author: block.author,
      postedAtRaw: block.time,
      text: joinCommentLines(lines.slice(block.textStart, block.textEnd))
    }))
  };
}

/** The "Conversation" header (the last, after any link to it near the headline), or 0. */
function conversationStart(lines: readonly string[]): number {
  return Math.max(
    0,
    lastIndexWhere(lines, (line) => CONVERSATION_HEADER.test(line.trim()))
  );
}
