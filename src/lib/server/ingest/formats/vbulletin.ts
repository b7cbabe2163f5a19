/**
 * vBulletin 3 and 4 thread pages. Both keep each post's text in `div[id^=post_message_]`;
 * around it vBulletin 4 has `li.postcontainer` (author `.username`, date `.postdate`,
 * number `a.postcounter`) and vBulletin 3 a `table[id^=post]` (author `a.bigusername`, date
 * in the first `td.thead`, number `a[id^=postcount]`). Neither prints a machine-readable
 * time. Pages are often Windows-1252; parse.ts decodes them. Copied text:
 * forum-vbulletin-text.ts.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { renderText, textOf } from '../dom';
import type { CommentFormat, HtmlPage, Page, ThreadDraft } from '../types';
import {
  detectVbulletinText,
  mayBeVbulletinText,
  parseVbulletinText
} from './forum-vbulletin-text';
import { threadFromPosts, type ForumPost, type QuoteRef } from './forum-thread';
import { mentionsAny } from './html-markers';

const MESSAGE = 'div[id^="post_message_"]';
const CONTAINER = 'li.postcontainer, li[id^="post_"], table[id^="post"], div[id^="edit"]';
const QUOTE_LABEL = /^(?:Quote|Zitat|Цитата|Citation|Cita|Quota):?$/u;

export const vbulletin: CommentFormat = {
  id: 'vbulletin',
  name: 'vBulletin',
  maxEvidence: { text: 0.85, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html'
      ? mentionsAny(page.$, ['post_message_', 'vbulletin'])
      : mayBeVbulletinText(page.text),
  detect: (page) => (page.markup === 'html' ? detectHtml(page) : detectVbulletinText(page.lines)),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parseVbulletinText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  if ($(MESSAGE).length > 0) return $('a.bigusername, li.postcontainer').length > 0 ? 0.95 : 0.8;
  const generator = $('meta[name="generator"]').attr('content') ?? '';
  return /vBulletin/i.test(generator) ? 0.6 : 0;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const posts = $(MESSAGE)
    .toArray()
    .map((message) => toPost($, message));
  const first = posts[0];
  const firstIsOpening = first === undefined || first.number === null || first.number === 1;
  return threadFromPosts(
    posts.map((post) => post.post),
    threadTitle($),
    firstIsOpening
  );
}

function toPost($: CheerioAPI, message: Element): { post: ForumPost; number: number | null } {
  const body = $(message);
  const container = body.closest(CONTAINER);
  const scope = container.length > 0 ? container : body.parent();
  const own = body.clone();
  $(quoteBoxes($, own)).remove();
  return {
    number: postNumber(scope),
    post: {
      author: textOf($, scope, '.username strong, a.bigusername, .username'),
      postedAtRaw: postDate($, scope),
      text: renderText(own),
      fullText: renderText(body),
      quotes: quoteBoxes($, body).map((box) => quoteRef($, box)),
      postId: /(\d+)$/.exec(message.attribs.id ?? '')?.[1] ?? null,
      node: (container.length > 0 ? container : body).get(0)!
    }
  };
}

/**
 * Quote boxes in a message, outermost only: vBulletin 4's `.bbcode_container`, or
 * vBulletin 3's unclassed wrapper holding a "Quote:" label and a table.
 */
function quoteBoxes($: CheerioAPI, message: Cheerio<AnyNode>): AnyNode[] {
  const boxes: AnyNode[] = message.find('.bbcode_container').toArray();
  message.find('table').each((_, table) => {
    const label = $(table).prev();
    const wrapper = $(table).parent().get(0);
    if (wrapper && label.hasClass('smallfont') && QUOTE_LABEL.test(renderText(label)))
      boxes.push(wrapper);
  });
  return boxes.filter((box) => !boxes.some((other) => other !== box && $.contains(other, box)));
}

/** "Originally Posted by <strong>Bob</strong>", with a link to the quoted post. */
function quoteRef($: CheerioAPI, box: AnyNode): QuoteRef {
  const link = $(box).find('a[href*="#post"]').attr('href') ?? '';
  return {
    author: textOf($, $(box), '.bbcode_postedby strong, strong'),
    postId: /#post(\d+)/.exec(link)?.[1] ?? null
  };
}

function postDate($: CheerioAPI, scope: Cheerio<AnyNode>): string | null {
  const vb4 = textOf($, scope, '.postdate .date, .postdate');
  if (vb4) return vb4.replace(/\s+/g, ' ');
  const vb3 = textOf($, scope, 'td.thead');
  return vb3 ? vb3.replace(/\s+/g, ' ') : null;
}

function postNumber(scope: Cheerio<AnyNode>): number | null {
  const label = scope.find('a.postcounter, a[id^="postcount"]').first();
  if (label.length === 0) return null;
  const digits = renderText(label).replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

function threadTitle($: CheerioAPI): string | null {
  for (const selector of ['.threadtitle', '#pagetitle h1', 'td.navbar strong']) {
    const found = renderText($(selector).last());
    if (found) return found.replace(/^(?:Thread|Thema|Тема):\s*/u, '');
  }
  return renderText($('title').first()) || null;
}
