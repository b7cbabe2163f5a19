/**
 * ownFind keeps to a comment's own parts: a reply nested inside it has the same parts, and
 * those belong to the reply. It, renderWithout and enclosingIndex compile their selectors
 * once and walk the DOM themselves; they must answer as cheerio's find, clone-and-remove
 * and closest do, selectors read relative to the comment as `find` reads them.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/lib/server/ingest/dom';
import {
  enclosingIndex,
  ownFind,
  renderWithout
} from '../../src/lib/server/ingest/formats/comment-dom';

const $ = cheerio.load(`
  <ol class="comment-list">
    <li class="comment" id="a">
      <div class="body"><span class="author">Anna</span></div>
      <ol class="children">
        <li class="comment" id="b">
          <span class="author">Ben</span><p class="text">Ben's text</p>
          <ul><li class="comment" id="c"><p class="text">Cy's text</p></li></ul>
        </li>
      </ol>
    </li>
  </ol>`);
const comment = (id: string) => $(`#${id}`) as cheerio.Cheerio<Element>;
const own = (id: string, selector: string) => ownFind($, comment(id), selector, 'li.comment');

describe('ownFind', () => {
  it('finds the comment’s own part, not a reply’s', () => {
    expect(own('a', '.author').text()).toBe('Anna');
    expect(own('b', '.author').text()).toBe('Ben');
    expect(own('b', '.text').text()).toBe("Ben's text");
    expect(own('c', '.text').text()).toBe("Cy's text");
  });

  it('finds nothing where only replies have the part', () => {
    expect(own('a', '.text').length).toBe(0);
    expect(own('c', '.author').length).toBe(0);
  });

  it('finds nothing when the element does not match the comment selector', () => {
    expect(ownFind($, comment('b'), '.text', 'li.reply').length).toBe(0);
  });

  it('answers alike for the same comment asked again and for a set of several comments', () => {
    expect(own('b', '.text').text()).toBe("Ben's text");
    const both = $('#a, #b') as cheerio.Cheerio<Element>;
    expect(ownFind($, both, '.author', 'li.comment').text()).toBe('Anna');
  });
});

/** The same test as ownFind, with cheerio's own find and a walk up with closest. */
function ownFindByCheerio(id: string, selector: string): string[] {
  const element = comment(id);
  return element
    .find(selector)
    .filter((_, found) => $(found).parent().closest('li.comment').is(element))
    .toArray()
    .slice(0, 1)
    .map((found) => $.html(found));
}

const SELECTORS = [
  '.author',
  '.text',
  'li',
  'p',
  // The leftmost part must lie inside the comment, or be the comment itself, as in find().
  '.comment-list .author',
  'li.comment .author',
  '#a .author',
  'ol.children > li > .author',
  '.body .author',
  'li.comment > p.text',
  'ul li p',
  'span:not(.author)',
  '.author, .text'
];

describe('the compiled walks answer as cheerio does', () => {
  it('ownFind: every comment, every selector', () => {
    for (const id of ['a', 'b', 'c'])
      for (const selector of SELECTORS)
        expect(
          own(id, selector)
            .toArray()
            .map((found) => $.html(found)),
          `${id} ${selector}`
        ).toEqual(ownFindByCheerio(id, selector));
    // Two that differ by where the leftmost part is: outside the comment, and the comment.
    expect(own('b', '.comment-list .author').length).toBe(0);
    expect(own('b', 'li.comment .author').text()).toBe('Ben');
  });

  it('renderWithout: the text of a copy with the parts removed', () => {
    for (const id of ['a', 'b', 'c'])
      for (const selector of SELECTORS) {
        const copy = comment(id).clone();
        copy.find(selector).remove();
        expect(renderWithout(comment(id), selector), `${id} ${selector}`).toBe(renderText(copy));
      }
    expect(renderWithout(comment('b'), 'ul, .author')).toBe("Ben's text");
    // The element itself is never left out, even where it matches.
    expect(renderWithout(comment('c'), 'li.comment')).toBe("Cy's text");
  });

  it('enclosingIndex: the nearest enclosing comment, as closest() finds it', () => {
    const items = $('li.comment').toArray();
    const indexOf = new Map(items.map((item, index) => [item, index]));
    expect(['a', 'b', 'c'].map((id) => enclosingIndex(comment(id), 'li.comment', indexOf))).toEqual(
      [null, 0, 1]
    );
    expect(enclosingIndex(comment('c'), 'ol.children li', indexOf)).toBe(1);
    expect(enclosingIndex(comment('b'), '.nothing', indexOf)).toBeNull();
  });
});
