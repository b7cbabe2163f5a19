/**
 * ownFind keeps to a comment's own parts: a reply nested inside it has the same parts, and
 * those belong to the reply.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { ownFind } from '../../src/lib/server/ingest/formats/comment-dom';

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
