/**
 * DOM helpers for threaded comment markup, shared by the formats. Replies usually sit
 * inside their parent's element, so a plain `find` on a comment also finds its replies'
 * authors and texts; these helpers keep to the comment's own part.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import { compile } from 'css-select';
import { isTag, type AnyNode, type Element } from 'domhandler';
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
  // Nothing is the comment's own unless it matches the comment selector itself (as
  // `comment.is(commentSelector)`: no scope).
  const isCommentElement = scopedQuery(commentSelector);
  if (!isCommentElement(own, null)) return $([] as Element[]);
  const found = firstOwn(own, scopedQuery(selector), isCommentElement);
  return $(found === null ? [] : [found]);
}

/**
 * What `comment.find(selector)` and a walk up from each match would give, in one walk of
 * the comment's own part: document order, the same matches, but the replies nested in it
 * are not entered (a reply element itself is still tested, as the walk up would accept
 * it), and the walk stops at the first match. A thread's top comment holds the whole
 * thread, so `find` on it walked every reply's markup for each of its parts.
 */
function firstOwn(own: Element, matches: ScopedQuery, isNested: ScopedQuery): Element | null {
  const stack: AnyNode[] = [];
  pushChildren(stack, own.children);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (matches(node, own)) return node;
    if (!isNested(node, own)) pushChildren(stack, node.children);
  }
  return null;
}

function pushChildren(stack: AnyNode[], children: readonly AnyNode[]): void {
  for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
}

/**
 * Whether `element` matches the selector as `$(scope).find(selector)` would match it;
 * with no scope, as `$(element).is(selector)` would.
 */
type ScopedQuery = (element: Element, scope: Element | null) => boolean;

/**
 * css-select queries compiled once per selector. `find` compiles its selector at every
 * call (a fifth of a saved WordPress page's parse went to compiling the same five
 * selectors again per comment). `find` reads a selector relative to its element: the
 * selector's leftmost part must match that element or one inside it. `rootFunc` is the
 * test css-select applies to that leftmost match, so it checks the scope, which is set
 * for the length of one synchronous test.
 */
const queries = new Map<string, ScopedQuery>();
let currentScope: Element | null = null;

function scopedQuery(selector: string): ScopedQuery {
  let query = queries.get(selector);
  if (query === undefined) {
    // No result cache: css-select remembers ancestors that failed a descendant test, and
    // whether one fails depends on the scope of the lookup that tested it.
    const compiled = compile<AnyNode, Element>(selector, {
      rootFunc: withinScope,
      cacheResults: false
    });
    query = (element, scope) => {
      currentScope = scope;
      try {
        return compiled(element);
      } finally {
        currentScope = null;
      }
    };
    queries.set(selector, query);
  }
  return query;
}

function withinScope(element: Element): boolean {
  if (currentScope === null) return true;
  for (let node: AnyNode | null = element; node !== null; node = node.parent) {
    if (node === currentScope) return true;
  }
  return false;
}

/**
 * The rendered text of `element` with the parts matching `without` (menus, reply links)
 * left out: the text of a copy with those parts removed, rendered without the copy.
 */
export function renderWithout(element: Cheerio<AnyNode>, without: string): string {
  const root = element.length === 1 ? element.get(0) : undefined;
  if (root === undefined || !isTag(root)) {
    const copy = element.clone();
    copy.find(without).remove();
    return renderText(copy);
  }
  const leftOut = scopedQuery(without);
  return renderText(root, (node) => leftOut(node, root));
}

/** The index (in `indexOf`) of the nearest ancestor matching `selector`: a reply's parent comment. */
export function enclosingIndex(
  element: Cheerio<Element>,
  selector: string,
  indexOf: ReadonlyMap<Element, number>
): number | null {
  const own = element.length === 1 ? element.get(0) : undefined;
  if (own === undefined) {
    const enclosing = element.parent().closest(selector).get(0);
    return enclosing && enclosing.type === 'tag' ? (indexOf.get(enclosing) ?? null) : null;
  }
  // `.parent().closest(selector)`, the selector compiled once: closest() reads it
  // without a scope, so the scope here is the document (every element is within it).
  const matches = scopedQuery(selector);
  for (let node = own.parent; node !== null && isTag(node); node = node.parent) {
    if (matches(node, null)) return node.type === 'tag' ? (indexOf.get(node) ?? null) : null;
  }
  return null;
}
