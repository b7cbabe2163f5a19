/**
 * Saved HTML that was cut off (an interrupted download, a copy that stopped at a size
 * limit) would parse into a page missing its last comments without anyone noticing. The
 * parser refuses it instead, so the user can save the page again.
 */
import { IngestError } from './errors';

const HTML_OPEN = /<html[\s>]/i;
const HTML_CLOSE = /<\/html\s*>/i;
/** How far from the end an opening `<` of a cut-off tag may sit; a tag is rarely longer. */
const TAIL = 64 * 1024;

const AGAIN =
  'Save the page again (in the browser: "Save Page As" → "Web Page, HTML only") and upload the new file.';

/** Throws `truncated_html` when the HTML opens <html> without closing it, or ends inside a tag or comment. */
export function refuseTruncatedHtml(html: string): void {
  const tail = html.slice(-TAIL).trimEnd();
  if (unfinishedComment(tail))
    throw new IngestError(
      'truncated_html',
      `The HTML looks cut off: it ends inside an HTML comment (“<!--” is never closed). ${AGAIN}`
    );
  const cutTag = unfinishedTag(tail);
  if (cutTag !== null)
    throw new IngestError(
      'truncated_html',
      `The HTML looks cut off: it ends inside a tag (“${cutTag}”). ${AGAIN}`
    );
  if (HTML_OPEN.test(html) && !HTML_CLOSE.test(html))
    throw new IngestError(
      'truncated_html',
      `The HTML looks cut off: it opens <html> but never closes it (no </html> at the end). ${AGAIN}`
    );
}

/** The start of the tag the text ends in (`<div class="comm`), or null. */
function unfinishedTag(tail: string): string | null {
  const lastOpen = tail.lastIndexOf('<');
  if (lastOpen < 0 || tail.lastIndexOf('>') > lastOpen) return null;
  // `a < b` in text is not a tag; a tag starts with a letter, `/`, `!` or `?`.
  if (!/^<[a-z/!?]/i.test(tail.slice(lastOpen, lastOpen + 2))) return null;
  const shown = tail.slice(lastOpen, lastOpen + 40).replace(/\s+/g, ' ');
  return lastOpen + 40 < tail.length ? `${shown}…` : shown;
}

function unfinishedComment(tail: string): boolean {
  const lastOpen = tail.lastIndexOf('<!--');
  return lastOpen >= 0 && tail.indexOf('-->', lastOpen + 4) < 0;
}
