/**
 * DOM helpers for threaded comment markup, shared by the formats. Replies usually sit
 * inside their parent's element, so a plain `find` on a comment also finds its replies'
 * authors and texts; these helpers keep to the comment's own part.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { renderText } from '../dom';

/**
 * The first element matching `selector` that belongs to `comment` itself: the nearest
 * enclosing comment (matched by `commentSelector`) is `comment`, not one of its replies.
 */
export function ownFind(
  $: CheerioAPI,
  comment: Cheerio<Element>,
  selector: string,
  commentSelector: string
): Cheerio<Element> {
  return comment
    .find(selector)
    .filter((_, element) => $(element).parent().closest(commentSelector).is(comment))
    .first();
}

/** The rendered text of `element` with the parts matching `without` (menus, reply links) left out. */
export function renderWithout(element: Cheerio<AnyNode>, without: string): string {
  const copy = element.clone();
  copy.find(without).remove();
  return renderText(copy);
}

/** The index (in `indexOf`) of the nearest ancestor matching `selector`: a reply's parent comment. */
export function enclosingIndex(
  element: Cheerio<Element>,
  selector: string,
  indexOf: ReadonlyMap<Element, number>
): number | null {
  const enclosing = element.parent().closest(selector).get(0);
  return enclosing && enclosing.type === 'tag' ? (indexOf.get(enclosing) ?? null) : null;
}
