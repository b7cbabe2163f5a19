/** Builds the Page that format modules read, from already-decoded text. */
import * as cheerio from 'cheerio';
import { renderText, toLines } from './dom';
import { sourceFromHtml } from './source';
import type { Markup, Page } from './types';

// An XML prolog may precede the doctype of an XHTML page.
const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|article|section|main|p|span|table|ul|ol|li|a|meta|title|link|header|shreddit-[a-z-]+|ytd-[a-z-]+)[\s>/]/i;

/**
 * Text or HTML? A document is HTML when it opens with markup. Copied page text that merely
 * quotes a tag in a comment (`<script>` pasted by a troll) stays text.
 */
export function detectMarkup(text: string): Markup {
  return HTML_START.test(text.slice(0, 4096)) ? 'html' : 'text';
}

export function buildPage(text: string, markup: Markup = detectMarkup(text)): Page {
  if (markup === 'text') {
    const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    return { markup, text: normalised, lines: toLines(normalised) };
  }
  const $ = cheerio.load(text);
  // Only the article's source fallback reads the rendered page, where the DOM names no
  // outlet; it is rendered now, before formats and the article extraction remove nodes.
  if (sourceFromHtml($) !== null) return { markup, $, html: text };
  return { markup, $, html: text, rendered: renderText($.root()) };
}

/**
 * The page as a browser would copy it (block elements on their own lines, see dom.ts), as
 * it was loaded. A saved page not rendered in advance (its DOM named an outlet, which a
 * format then removed) is rendered from a fresh DOM of its markup.
 */
export function renderedPageText(page: Page): string {
  if (page.markup === 'text') return page.text;
  return page.rendered ?? renderText(cheerio.load(page.html).root());
}
