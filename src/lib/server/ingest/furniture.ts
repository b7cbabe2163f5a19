/**
 * Page furniture in saved HTML: elements that are never article text — navigation,
 * headers and footers, sidebars, forms, photos with their captions, the headline (it is
 * the title) and the byline/date block most templates put under it.
 *
 * A hand-written walk rather than a CSS selector: css-select de-duplicates its context in
 * quadratic time (slow on long pages), and an explicit stack survives hostile nesting.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const TAGS = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'button',
  'select',
  'textarea',
  'dialog',
  'h1'
]);
const ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
const CLASSES = new Set([
  'byline',
  'submitted',
  'dateline',
  'post-meta',
  'entry-meta',
  'article-meta'
]);
/** ASP.NET and some forum software wrap the whole page in one <form>; a real form has few paragraphs. */
const MAX_FORM_PARAGRAPHS = 2;

export function isFurniture(element: Element): boolean {
  const name = element.name.toLowerCase();
  if (TAGS.has(name)) return true;
  if (name === 'form') return countParagraphs(element) <= MAX_FORM_PARAGRAPHS;
  const { role, class: classes, hidden } = element.attribs;
  if (role !== undefined && ROLES.has(role)) return true;
  if (element.attribs['aria-hidden'] === 'true' || hidden !== undefined) return true;
  return (classes ?? '').split(/\s+/).some((name) => CLASSES.has(name));
}

/** Removes every furniture element from the page. */
export function removeFurniture($: CheerioAPI): void {
  const found: Element[] = [];
  const stack: AnyNode[] = [$.root().get(0)!];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'tag' && isFurniture(node)) found.push(node);
    else if ('children' in node) pushAll(stack, node.children);
  }
  $(found).remove();
}

function countParagraphs(root: Element): number {
  let count = 0;
  const stack: AnyNode[] = [];
  pushAll(stack, root.children);
  while (stack.length > 0 && count <= MAX_FORM_PARAGRAPHS) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    if (node.name.toLowerCase() === 'p') count++;
    pushAll(stack, node.children);
  }
  return count;
}

/** A loop, not push(...children): spreading a huge child list overflows the call stack. */
function pushAll(stack: AnyNode[], children: readonly AnyNode[]): void {
  for (const child of children) stack.push(child);
}
