/**
 * A cheap sniff for saved HTML: every tag name and attribute value of the page, lowercased,
 * in one string built once per page. A selector that needs the class `comment-list` (or an
 * id, a tag, an attribute value) can only match where that name occurs in the string, so a
 * format whose markers are all missing cannot claim the page and its detector (a dozen
 * selector walks over the whole DOM) need not run. Lowercased and searched as substrings,
 * the test only ever says yes too often, never no too often.
 */
import type { CheerioAPI } from 'cheerio';
import { hasChildren, isTag, type AnyNode } from 'domhandler';

const namesOfPage = new WeakMap<CheerioAPI, string>();

/** Whether any of `markers` (lowercase) occurs in a tag name or attribute value of the page. */
export function mentionsAny($: CheerioAPI, markers: readonly string[]): boolean {
  const names = markupNames($);
  return markers.some((marker) => names.includes(marker));
}

function markupNames($: CheerioAPI): string {
  let names = namesOfPage.get($);
  if (names === undefined) {
    names = collectNames($.root().toArray());
    namesOfPage.set($, names);
  }
  return names;
}

function collectNames(roots: AnyNode[]): string {
  const names: string[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node)) {
      names.push(node.name);
      for (const value of Object.values(node.attribs)) names.push(value);
    }
    // A loop, not push(...children): a node may have more children than a call has arguments.
    if (hasChildren(node)) for (const child of node.children) stack.push(child);
  }
  return names.join('\n').toLowerCase();
}
