/**
 * phpBB 3 (prosilver) topic pages. Saved HTML: one `div.post` per post with `.postbody`,
 * `p.author` ("by <strong>name</strong> » date", a `<time datetime>` since 3.2), the text in
 * `.content` and quotes as `blockquote` whose `cite` names the author and, since 3.2, links
 * the quoted post. Copied text: forum-phpbb-text.ts.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { renderText, textOf } from '../dom';
import type { CommentFormat, HtmlPage, Page, ThreadDraft } from '../types';
import { isoFromAttribute } from './comment-dates';
import {
  detectPhpbbText,
  isReplyTitle,
  mayBePhpbbText,
  parsePhpbbText,
  topicOf
} from './forum-phpbb-text';
import { threadFromPosts, type ForumPost, type QuoteRef } from './forum-thread';

const POST = 'div.post';
const WROTE =
  /\s+(?:wrote|hat geschrieben|писал\(а\)|писал|написал\(а\)|a écrit|escribió|ha scritto|napisał\(a\))\s?:.*$/su;

export const phpbb: CommentFormat = {
  id: 'phpbb',
  name: 'phpBB',
  maxEvidence: { text: 0.85, html: 0.9 },
  mayClaim: (page) => page.markup === 'html' || mayBePhpbbText(page.text),
  detect: (page) => (page.markup === 'html' ? detectHtml(page) : detectPhpbbText(page.lines)),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parsePhpbbText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  const posts = $(POST).filter((_, post) => isPost($, post)).length;
  if (posts > 0) return 0.9;
  return $('body#phpbb').length > 0 && $('h2.topic-title').length > 0 ? 0.6 : 0;
}

function isPost($: CheerioAPI, post: Element): boolean {
  return $(post).find('.postbody .content').length > 0 && $(post).find('p.author').length > 0;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const posts = $(POST)
    .toArray()
    .filter((post) => isPost($, post) && !$(post).hasClass('deleted'));
  const firstTitle = posts[0] ? textOf($, $(posts[0]), '.postbody h3') : null;
  const topic = textOf($, $.root(), 'h2.topic-title') ?? (firstTitle && topicOf(firstTitle));
  const firstIsOpening = firstTitle === null || !isReplyTitle(firstTitle);
  return threadFromPosts(
    posts.map((post) => toPost($, post)),
    topic,
    firstIsOpening
  );
}

function toPost($: CheerioAPI, node: Element): ForumPost {
  const post = $(node);
  const byline = post.find('p.author').first();
  const time = byline.find('time').first();
  const content = post.find('.content').first();
  const own = content.clone();
  own.find('blockquote').remove();
  return {
    author: textOf($, byline, '.username, .username-coloured, strong'),
    postedAtRaw: time.length > 0 ? renderText(time) : bylineDate(renderText(byline)),
    postedAt: isoFromAttribute(time.attr('datetime')),
    text: renderText(own),
    fullText: renderText(content),
    quotes: topLevelQuotes($, content),
    postId: /^p(\d+)$/.exec(node.attribs.id ?? '')?.[1] ?? null,
    node
  };
}

/** phpBB 3.0 prints no `<time>`: the date follows the » in "by name » date". */
function bylineDate(byline: string): string | null {
  const date = byline.split('»').pop()?.trim();
  return date && byline.includes('»') ? date : null;
}

function topLevelQuotes($: CheerioAPI, content: Cheerio<AnyNode>): QuoteRef[] {
  return content
    .find('blockquote')
    .filter((_, quote) => $(quote).parents('blockquote').length === 0)
    .toArray()
    .map((quote) => quoteRef($, $(quote)));
}

/**
 * 3.2+: `<cite><a href="memberlist…">Bob</a> wrote: <a data-post-id="12">↑</a> date</cite>`;
 * 3.0: `<cite>Bob wrote:</cite>`.
 */
function quoteRef($: CheerioAPI, quote: Cheerio<Element>): QuoteRef {
  const cite = quote.children('div').children('cite').add(quote.children('cite')).first();
  const member = cite.find('a[href*="memberlist"]').first();
  const author = member.length > 0 ? renderText(member) : renderText(cite).replace(WROTE, '');
  const postLink = cite.find('a[data-post-id]').attr('data-post-id');
  const citeLink = /#p(\d+)$/.exec(quote.attr('cite') ?? '')?.[1];
  return { author: author.trim() || null, postId: postLink ?? citeLink ?? null };
}
