/**
 * YouTube watch pages. Saved HTML: each `ytd-comment-thread-renderer` holds the top-level
 * comment (`ytd-comment-renderer`, or `ytd-comment-view-model` since 2024) and its replies
 * inside `ytd-comment-replies-renderer`; YouTube shows one level of replies. The article is
 * the video: its title, description, channel and upload date. Copied text:
 * widget-youtube-text.ts.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type {
  CommentDraft,
  CommentFormat,
  HtmlPage,
  ParsedArticle,
  Page,
  ThreadDraft
} from '../types';
import { isoFromAttribute } from './comment-dates';
import { detectYoutubeText, mayBeYoutubeText, parseYoutubeText } from './widget-youtube-text';
import { mentionsAny } from './html-markers';

const THREAD = 'ytd-comment-thread-renderer';
const COMMENT = 'ytd-comment-renderer, ytd-comment-view-model';
const REPLIES = 'ytd-comment-replies-renderer';

export const youtube: CommentFormat = {
  id: 'youtube',
  name: 'YouTube',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html' ? mentionsAny(page.$, ['ytd-']) : mayBeYoutubeText(page.text),
  detect: (page) => (page.markup === 'html' ? detectHtml(page) : detectYoutubeText(page.lines)),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parseYoutubeText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  if ($(THREAD).length > 0) return 0.95;
  // A watch page whose comments were not loaded when it was saved.
  const youtubeShell = $('ytd-watch-flexy, ytd-app').length > 0;
  const siteName = $('meta[property="og:site_name"]').attr('content') === 'YouTube';
  return youtubeShell && siteName ? 0.6 : 0;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const comments: CommentDraft[] = $(THREAD)
    .find(COMMENT)
    .toArray()
    .map((node) => toComment($, node));
  const section = $('ytd-comments').toArray();
  return {
    article: videoArticle($),
    comments,
    commentNodes: section.length > 0 ? section : $(THREAD).toArray()
  };
}

function toComment($: CheerioAPI, node: Element): CommentDraft {
  const comment = $(node);
  const author =
    shownText($, comment.find('#author-text').first()) ||
    shownText($, comment.find('ytd-author-comment-badge-renderer, #author-comment-badge').first());
  const time = shownText($, comment.find('.published-time-text, #published-time-text').first());
  return {
    author: author || null,
    postedAtRaw: time || null,
    text: shownText($, comment.find('#content-text').first()),
    depth: comment.parents(REPLIES).length > 0 ? 1 : 0
  };
}

/**
 * YouTube keeps a comment's line breaks as "\n" in its text nodes (rendered with
 * `white-space: pre-wrap`), so the text is read as is, not re-flowed like block markup.
 */
function shownText($: CheerioAPI, node: Cheerio<AnyNode>): string {
  return $(node)
    .text()
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function videoArticle($: CheerioAPI): Partial<ParsedArticle> {
  const heading = shownText($, $('h1.ytd-watch-metadata, #title h1, h1.title').first());
  const description = shownText(
    $,
    $('#description-inline-expander, ytd-text-inline-expander, #description').first()
  );
  const channel = shownText($, $('#owner #channel-name a, ytd-channel-name a').first());
  const uploaded =
    $('meta[itemprop="uploadDate"]').attr('content') ??
    $('meta[itemprop="datePublished"]').attr('content');
  // Only what the page shows: a field set to null would stop the core from extracting it.
  const article: Partial<ParsedArticle> = { source: 'YouTube' };
  const title = heading || metaContent($, 'title');
  if (title) article.title = title;
  const body = description || metaContent($, 'description');
  if (body) article.body = body;
  const byline = channel || $('span[itemprop="author"] link[itemprop="name"]').attr('content');
  if (byline) article.byline = byline;
  const publishedAt = isoFromAttribute(uploaded);
  if (publishedAt) article.publishedAt = publishedAt;
  return article;
}

function metaContent($: CheerioAPI, name: string): string | null {
  const value =
    $(`meta[name="${name}"]`).attr('content') ?? $(`meta[property="og:${name}"]`).attr('content');
  return value?.trim() || null;
}
