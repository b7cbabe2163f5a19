/**
 * Saved ZeroHedge pages (Drupal's default comment markup): each comment is a
 * `div.comment` with the avatar `<img alt="Name's picture">`, the author in
 * `.username`, the time in `.submitted`, the text in `.content`; replies follow their
 * parent inside `div.indented`, one level of indentation per level of reply.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { renderText } from '../dom';
import type { CommentDraft, ThreadDraft } from '../types';

const PICTURE_ALT = /^\s*(\S.{0,49}?)['’]s picture\s*$/u;
const PICTURE_IMG = 'img[alt$="\'s picture"], img[alt$="’s picture"]';
const CONTENT = '.field-name-comment-body, .comment-body, .content';
/** Parts of a comment that are not its text. */
const NOT_TEXT =
  '.links, .submitted, .user-picture, .picture, .username, .comment-meta, .indented, .comment, h3';

// Selected from the page root: `$('.comment').find(...)` de-duplicates thousands of
// comments' children in quadratic time (css-select's removeSubsets).
const PICTURE_IN_COMMENT = PICTURE_IMG.split(', ')
  .map((img) => `.comment ${img}`)
  .join(', ');

export function detectZeroHedgeHtml($: CheerioAPI): number {
  if ($(PICTURE_IN_COMMENT).length > 0) return 0.9;
  if ($('.comment .username').length > 0 && $('.indented, #comments').length > 0) return 0.6;
  return 0;
}

export function parseZeroHedgeHtml($: CheerioAPI): ThreadDraft {
  const elements = $('.comment')
    .toArray()
    .filter((element) => authorOf($, $(element)) !== null || $(element).find(CONTENT).length > 0);
  const comments = elements.map((element) => commentFrom($, $(element)));
  const section = $('#comments').toArray();
  const commentNodes = section.length > 0 ? section : [...elements, ...$('.indented').toArray()];
  const byline = bylineOf($);
  return { comments, commentNodes, ...(byline ? { article: { byline } } : {}) };
}

function commentFrom($: CheerioAPI, comment: Cheerio<Element>): CommentDraft {
  const time = comment.find('time').first();
  const submitted = comment.find('.submitted').first().clone();
  submitted.find('.username').remove();
  const postedAtRaw = normaliseSpace(time.text()) || normaliseSpace(submitted.text()) || null;
  return {
    author: authorOf($, comment),
    text: textOf($, comment),
    postedAtRaw,
    postedAt: time.attr('datetime') ?? null,
    depth: comment.parents('.indented').length
  };
}

function authorOf($: CheerioAPI, comment: Cheerio<Element>): string | null {
  const own = comment.find('.username').filter((_, node) => owns(comment, node));
  const name = normaliseSpace(own.first().text());
  if (name) return name;
  const picture = comment.find(PICTURE_IMG).filter((_, node) => owns(comment, node));
  return PICTURE_ALT.exec(picture.first().attr('alt') ?? '')?.[1]?.trim() ?? null;
}

/** The comment's text, without its header, links and (in nesting themes) its replies. */
function textOf($: CheerioAPI, comment: Cheerio<Element>): string {
  const copy = comment.clone();
  const content = copy.find(CONTENT).first();
  const holder = content.length > 0 ? content : copy;
  holder.find(NOT_TEXT).remove();
  return renderText(holder);
}

/** Whether `node` belongs to `comment` itself, not to a reply nested inside it. */
function owns(comment: Cheerio<Element>, node: AnyNode): boolean {
  let parent = node.parent;
  while (parent && parent !== comment.get(0)) {
    if (parent.type === 'tag' && /(?:^|\s)comment(?:\s|$)/.test(parent.attribs.class ?? ''))
      return false;
    parent = parent.parent;
  }
  return true;
}

/** The article author's avatar (or name) outside the comments, as in the text layout. */
function bylineOf($: CheerioAPI): string | null {
  const outside = (_: number, node: AnyNode): boolean =>
    $(node).closest('.comment, #comments').length === 0;
  const picture = $(PICTURE_IMG).filter(outside).first().attr('alt') ?? '';
  const fromPicture = PICTURE_ALT.exec(picture)?.[1]?.trim();
  if (fromPicture) return fromPicture;
  return (
    normaliseSpace($('article .username, .node .username').filter(outside).first().text()) || null
  );
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
