/**
 * WordPress's built-in comments (`wp_list_comments`): an `ol.comment-list` (older themes:
 * `ol.commentlist`) of `li.comment` items, replies nested in `ol/ul.children`. Copied
 * text shows "Name says:" (localised), a date line, the text and a "Reply" link.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { CommentDraft, CommentFormat, Page, ThreadDraft } from '../types';
import { isoFromAttribute } from './comment-dates';
import { enclosingIndex, ownFind, renderWithout } from './comment-dom';
import { parseWordpressText, scoreWordpressText, titleInHeading } from './wordpress-text';
import { mentionsAny } from './html-markers';

const LIST = 'ol.comment-list, ol.commentlist, ul.comment-list, ul.commentlist';
const COMMENT = 'li.comment';
/** Parts of an old-style `.comment-body` that are not the comment's text. */
const NOT_TEXT =
  '.comment-author, .comment-meta, .commentmetadata, .comment-metadata, .reply, .comment-awaiting-moderation, .edit-link, ol.children, ul.children';

export const wordpress: CommentFormat = {
  id: 'wordpress',
  name: 'WordPress',
  maxEvidence: { text: 0.9, html: 0.9 },
  mayClaim: (page) =>
    page.markup === 'text' || mentionsAny(page.$, ['comment-list', 'commentlist', 'commentform']),
  detect(page: Page): number {
    if (page.markup === 'text') return scoreWordpressText(page.lines);
    const { $ } = page;
    if (commentLists($).items.length > 0) return 0.9;
    // `#commentform` is the form comment_form() prints: a WordPress comment section, still empty.
    return $('#commentform').length > 0 ? 0.55 : 0;
  },
  parse(page: Page): ThreadDraft {
    return page.markup === 'text' ? parseWordpressText(page.lines) : parseHtml(page.$);
  }
};

/**
 * The comment lists that hold comments, and their comments in document order. Looked up
 * once per page: detect() and parse() both need them, and each lookup walks the whole
 * page and then the whole thread. Detectors only read the DOM, so what detect() found is
 * what parse() finds.
 */
const listsOfPage = new WeakMap<CheerioAPI, { lists: Cheerio<Element>; items: Element[] }>();

function commentLists($: CheerioAPI): { lists: Cheerio<Element>; items: Element[] } {
  let found = listsOfPage.get($);
  if (found === undefined) {
    const lists = $(LIST).filter((_, list) => $(list).find(COMMENT).length > 0);
    found = { lists, items: lists.find(COMMENT).toArray() };
    listsOfPage.set($, found);
  }
  return found;
}

function parseHtml($: CheerioAPI): ThreadDraft {
  const { lists, items } = commentLists($);
  const indexOf = new Map(items.map((item, index) => [item, index]));
  const comments = items.map((item) => toDraft($, $(item), indexOf));
  // Themes title the section "3 thoughts on “Post title”": the title, free of site-name noise.
  const heading = $('#comments h2, #comments h3, h2#comments, h3#comments, .comments-title');
  const title = titleInHeading(heading.first().text());
  return {
    comments,
    commentNodes: sectionNodes($, lists),
    ...(title ? { article: { title } } : {})
  };
}

function toDraft(
  $: CheerioAPI,
  item: Cheerio<Element>,
  indexOf: ReadonlyMap<Element, number>
): CommentDraft {
  const own = (selector: string) => ownFind($, item, selector, COMMENT);
  const time = own('.comment-metadata time[datetime], .comment-meta time[datetime]');
  const dateLink = own('.comment-metadata a, .commentmetadata a, .comment-meta a');
  const shownTime = (time.length > 0 ? time : dateLink).text().trim();
  return {
    author: own('.comment-author .fn, .fn').text().trim() || null,
    text: commentText($, item),
    postedAtRaw: shownTime || null,
    postedAt: isoFromAttribute(time.attr('datetime')),
    parent: enclosingIndex(item, COMMENT, indexOf)
  };
}

/** Newer themes wrap the text in `.comment-content`; older ones put paragraphs straight into `.comment-body`. */
function commentText($: CheerioAPI, item: Cheerio<Element>): string {
  const content = ownFind($, item, '.comment-content', COMMENT);
  if (content.length > 0) return renderWithout(content, '.comment-awaiting-moderation');
  const body = ownFind($, item, '.comment-body', COMMENT);
  return renderWithout(body.length > 0 ? body : item, NOT_TEXT);
}

/** The comments area (heading, list, form): one wrapper in newer themes, siblings in classic ones. */
function sectionNodes($: CheerioAPI, lists: Cheerio<Element>): AnyNode[] {
  const form = $('#respond');
  const area = lists.first().closest('#comments, .comments-area');
  if (area.length > 0)
    return [...area.toArray(), ...form.filter((_, node) => area.find(node).length === 0).toArray()];
  return [...$('h2#comments, h3#comments').toArray(), ...lists.toArray(), ...form.toArray()];
}
