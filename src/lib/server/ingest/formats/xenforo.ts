/**
 * XenForo 2 thread pages. Saved HTML: one `article.message` per post, with the author in
 * `data-author`, the time in `time.u-dt`, the post number in the attribution bar, the body
 * in `.bbWrapper` and quotes as `blockquote.bbCodeBlock--quote[data-quote]`. Copied text is
 * handled by forum-xenforo-text.ts.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { renderText } from '../dom';
import type { CommentFormat, HtmlPage, Page, ThreadDraft } from '../types';
import { isoFromAttribute } from './comment-dates';
import { detectXenforoText, mayBeXenforoText, parseXenforoText } from './forum-xenforo-text';
import { threadFromPosts, type ForumPost, type QuoteRef } from './forum-thread';
import { mentionsAny } from './html-markers';

const POST = 'article.message[data-author], div.message[data-author]';
const BODY = '.message-body .bbWrapper, .message-content .bbWrapper';
const QUOTE = '.bbCodeBlock--quote';
/** Controls inside a post body that a reader never sees as text ("Click to expand..."). */
const BODY_CHROME = '.bbCodeBlock-expandLink, .js-selectToQuoteEnd';

export const xenforo: CommentFormat = {
  id: 'xenforo',
  name: 'XenForo',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html'
      ? mentionsAny(page.$, ['bbwrapper', 'p-title-value'])
      : mayBeXenforoText(page.text),
  detect: (page) => (page.markup === 'html' ? detectHtml(page) : detectXenforoText(page.lines)),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parseXenforoText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  const posts = $(POST).filter((_, post) => $(post).find('.bbWrapper').length > 0).length;
  if (posts > 0) return 0.95;
  // The XenForo shell without posts: a thread whose posts were all removed.
  return $('html#XF').length > 0 && $('.p-title-value').length > 0 ? 0.6 : 0;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const posts = $(POST)
    .toArray()
    .filter((node) => !$(node).hasClass('message--deleted') && $(node).find(BODY).length > 0);
  const forumPosts = posts.map((node) => toPost($, node));
  const firstNumber = posts.length > 0 ? postNumber($(posts[0]!)) : null;
  return threadFromPosts(forumPosts, threadTitle($), firstNumber === null || firstNumber === 1);
}

function toPost($: CheerioAPI, node: Element): ForumPost {
  const post = $(node);
  const time = post.find('.message-attribution time.u-dt, time.u-dt').first();
  const body = post.find(BODY).first();
  const shown = body.clone();
  shown.find(BODY_CHROME).remove();
  const own = shown.clone();
  own.find(QUOTE).remove();
  return {
    author: post.attr('data-author')?.trim() || null,
    postedAtRaw: time.length > 0 ? renderText(time) || null : null,
    postedAt: isoFromAttribute(time.attr('data-time')) ?? isoFromAttribute(time.attr('datetime')),
    text: renderText(own),
    fullText: renderText(shown),
    quotes: topLevelQuotes($, body),
    postId: postIdOf(post.attr('data-content') ?? post.attr('id')),
    node
  };
}

/** Quotes directly in the body (a quote inside a quote is part of the outer one). */
function topLevelQuotes($: CheerioAPI, body: Cheerio<AnyNode>): QuoteRef[] {
  return body
    .find(QUOTE)
    .filter((_, quote) => $(quote).parents(QUOTE).length === 0)
    .toArray()
    .map((quote) => ({
      author: $(quote).attr('data-quote')?.trim() || null,
      postId: postIdOf($(quote).attr('data-source'))
    }));
}

/** "post-456", "js-post-456", "post: 456" → "456". */
function postIdOf(value: string | undefined): string | null {
  const match = value ? /post[-:]\s*(\d+)/.exec(value) : null;
  return match ? match[1]! : null;
}

/** The "#N" XenForo prints in each post's attribution bar; page 2 starts at #21. */
function postNumber(post: Cheerio<Element>): number | null {
  const label = post
    .find('.message-attribution-opposite a, .message-attribution a')
    .toArray()
    .map((link) => renderText(link))
    .find((text) => /^#\d[\d,.]*$/.test(text));
  return label ? Number(label.slice(1).replace(/[,.]/g, '')) : null;
}

function threadTitle($: CheerioAPI): string | null {
  const heading = renderText($('h1.p-title-value').first());
  if (heading) return heading;
  const og = $('meta[property="og:title"]').attr('content')?.trim();
  return og || renderText($('title').first()) || null;
}
