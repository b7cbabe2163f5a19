/**
 * DOM helpers over cheerio: render elements to text the way a browser copies them, so
 * that formats can treat saved HTML and copied text alike.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
  'body',
  'html',
  'td',
  'th',
  'caption'
]);
const PARAGRAPHS = new Set([
  'p',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table'
]);

/**
 * Renders nodes to text: block elements on their own lines, paragraphs separated by a
 * blank line. Elements inside a node for which `skip` says yes render nothing, as if
 * removed (the nodes given are always rendered).
 */
export function renderText(
  nodes: AnyNode | AnyNode[] | Cheerio<AnyNode>,
  skip?: (element: Element) => boolean
): string {
  const parts: string[] = [];
  const list = Array.isArray(nodes) ? nodes : 'cheerio' in nodes ? nodes.toArray() : [nodes];
  for (const node of list) walk(node, parts, skip);
  return parts
    .join('')
    .replace(/[ \t\f\r]*\n[ \t\f\r]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Depth-first walk with an explicit stack rather than recursion: hostile or broken pages
 * nest elements tens of thousands deep, which would overflow the call stack. A string on
 * the stack is text to emit once an element's children are done.
 */
function walk(root: AnyNode, out: string[], skip?: (element: Element) => boolean): void {
  const stack: (AnyNode | string)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (node.type === 'text') {
      out.push(node.data.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (node.type === 'root') {
      pushChildren(stack, node.children);
      continue;
    }
    // Elements are 'tag', 'script' or 'style'; comments, doctypes and CDATA render nothing.
    if (node.type !== 'tag') continue;
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name) || (skip !== undefined && node !== root && skip(node))) continue;
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    const block = BLOCKS.has(name);
    const gap = PARAGRAPHS.has(name) ? '\n\n' : '\n';
    if (block) out.push(gap);
    const cell = name === 'td' || name === 'th' ? ' ' : '';
    const closing = cell + (block ? gap : '');
    if (closing !== '') stack.push(closing);
    // Preformatted text keeps its own line breaks and spacing.
    if (name === 'pre') out.push(textContent(node));
    else pushChildren(stack, node.children);
  }
}

function pushChildren(stack: (AnyNode | string)[], children: readonly AnyNode[]): void {
  for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
}

function textContent(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data);
    else if ('children' in node)
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index]!);
  }
  return parts.join('');
}

/** The rendered text of the first element matching `selector` inside `scope`, or null. */
export function textOf($: CheerioAPI, scope: Cheerio<AnyNode>, selector: string): string | null {
  const found = scope.find(selector).first();
  if (found.length === 0) return null;
  const text = renderText(found);
  return text === '' ? null : text;
}

/** Splits rendered text into lines for the line-based parsers. */
export function toLines(text: string): string[] {
  // Splitting on one character is a native fast path; most text has no carriage returns.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
