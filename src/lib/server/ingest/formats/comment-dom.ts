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
  const own = comment.length === 1 ? comment.get(0) : undefined;
  if (own === undefined)
    return comment
      .find(selector)
      .filter((_, element) => $(element).parent().closest(commentSelector).is(comment))
      .first();
  // The same test as `.parent().closest(commentSelector).is(comment)`, without closest()
  // compiling the selector again at every ancestor: the comments nested in this one are
  // looked up once, and the walk up stops at the first of them or at this comment.
  const { nested, isComment } = commentsWithin(comment, own, commentSelector);
  return comment
    .find(selector)
    .filter((_, element) => isComment && nearestComment(element, own, nested) === own)
    .first();
}

interface CommentsWithin {
  nested: ReadonlySet<AnyNode>;
  /** Whether the comment itself matches the comment selector (else nothing is its own). */
  isComment: boolean;
}

/**
 * Per comment element and comment selector: a comment's parts are looked up several times.
 * Formats only ever remove nodes while they parse, and a removed nested comment is no longer
 * on the way up from any node still inside this one, so a cached entry stays right.
 */
const withinCache = new WeakMap<Element, Map<string, CommentsWithin>>();

function commentsWithin(
  comment: Cheerio<Element>,
  own: Element,
  commentSelector: string
): CommentsWithin {
  let bySelector = withinCache.get(own);
  if (!bySelector) withinCache.set(own, (bySelector = new Map()));
  let within = bySelector.get(commentSelector);
  if (!within) {
    within = {
      nested: new Set(comment.find(commentSelector).toArray()),
      isComment: comment.is(commentSelector)
    };
    bySelector.set(commentSelector, within);
  }
  return within;
}

/** The first of `own` and the comments nested in it on the way up from `element`'s parent. */
function nearestComment(
  element: AnyNode,
  own: Element,
  nested: ReadonlySet<AnyNode>
): AnyNode | null {
  for (let node = element.parent; node !== null; node = node.parent) {
    if (node === own || nested.has(node)) return node;
  }
  return null;
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
