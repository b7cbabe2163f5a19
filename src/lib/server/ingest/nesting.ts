/**
 * Elements nested thousands deep make parsing slow beyond all proportion: the HTML parser
 * walks its stack of open elements for every start tag, and every selector query walks
 * every ancestor chain, so 20,000 nested <div>s (100 KB) took half a minute and 100,000
 * would hold a server for many minutes. No real page comes near: browsers themselves stop
 * nesting at 512 levels. So the depth is estimated first, in one linear pass over the tags,
 * and a page deeper than the limit is refused before it is parsed.
 *
 * The estimate follows the HTML rule that an end tag closes everything opened after the
 * matching start tag, and errs low: void and self-closed elements, elements whose end tag
 * may be left out (p, li, td, …), raw text (script, style, …) and comments never count.
 */
import { IngestError } from './errors';

export const MAX_NESTING_DEPTH = 1000;

const NEVER_OPEN = new Set([
  // void elements
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta'],
  ...['param', 'source', 'track', 'wbr'],
  // end tag optional, or closed by the next one of their kind
  ...['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rtc'],
  ...['rp', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'a', 'nobr'],
  ...['button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed']);
/** A start or end tag's name, read where a `<` stands. */
const TAG_NAME = /<(\/?)([a-z][^\s/>]*)/iy;

/** Throws `unparseable` when the HTML nests elements more than MAX_NESTING_DEPTH deep. */
export function refuseDeepNesting(html: string): void {
  const depth = estimateNestingDepth(html, MAX_NESTING_DEPTH);
  if (depth.exceeded)
    throw new IngestError(
      'unparseable',
      `The page nests its elements more than ${MAX_NESTING_DEPTH.toLocaleString('en')} levels deep ` +
        `(from character ${depth.at.toLocaleString('en')} on), deeper than any real page; it is refused ` +
        'rather than parsed for minutes. Save a simpler copy: select the page text and paste it.'
    );
}

/**
 * The deepest nesting reached, stopping as soon as it passes `limit`. Linear in the length:
 * every search starts where the last one ended, and input that can hold no further tag
 * (a `<` with no `>` after it) ends the scan.
 */
export function estimateNestingDepth(
  html: string,
  limit: number
): { depth: number; exceeded: boolean; at: number } {
  const open: string[] = [];
  const openCount = new Map<string, number>();
  let deepest = 0;
  for (let at = html.indexOf('<'); at >= 0;) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      at = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    TAG_NAME.lastIndex = at;
    const name = TAG_NAME.exec(html);
    if (name === null) {
      // `a < b` is text; `<!DOCTYPE …>`, `<?xml …>`, `</ >` are skipped to their `>`.
      const bogus = '!?/'.includes(html[at + 1] ?? ' ');
      const next = bogus ? html.indexOf('>', at) : at;
      at = next < 0 ? -1 : html.indexOf('<', next + 1);
      continue;
    }
    const end = html.indexOf('>', TAG_NAME.lastIndex);
    if (end < 0) break;
    const [, closing, rawName] = name;
    const tagName = rawName!.toLowerCase();
    let next = end + 1;
    if (closing) closeUpTo(tagName, open, openCount);
    else if (RAW_TEXT.has(tagName)) next = indexOfEndTag(html, tagName, next);
    else if (!NEVER_OPEN.has(tagName) && html[end - 1] !== '/') {
      open.push(tagName);
      openCount.set(tagName, (openCount.get(tagName) ?? 0) + 1);
      deepest = Math.max(deepest, open.length);
      if (deepest > limit) return { depth: deepest, exceeded: true, at };
    }
    at = next < 0 ? -1 : html.indexOf('<', next);
  }
  return { depth: deepest, exceeded: false, at: -1 };
}

/** An end tag closes everything opened since its start tag; a stray one closes nothing. */
function closeUpTo(name: string, open: string[], openCount: Map<string, number>): void {
  if (!openCount.get(name)) return;
  for (let popped = open.pop(); popped !== undefined; popped = open.pop()) {
    openCount.set(popped, openCount.get(popped)! - 1);
    if (popped === name) return;
  }
}

function indexOfEndTag(html: string, name: string, from: number): number {
  const end = new RegExp(`</${name}[\\s>]`, 'gi');
  end.lastIndex = from;
  return end.exec(html)?.index ?? -1;
}
