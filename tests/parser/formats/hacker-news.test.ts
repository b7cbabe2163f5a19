import { describe, expect, it } from 'vitest';
import { hackerNews } from '../../../src/lib/server/ingest/formats/hacker-news';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

const { own, others } = splitPages(['hacker-news']);

describe('hacker-news detect', () => {
  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))(
    'claims its fixture %s',
    (_, page) => {
      expect(hackerNews.detect(page)).toBeGreaterThanOrEqual(0.5);
      expect(pickFormat(page)?.format.id).toBe('hacker-news');
    }
  );

  it.each(others.map((fixture) => [fixture.name, fixture.page] as const))(
    'leaves %s alone',
    (_, page) => {
      expect(hackerNews.detect(page)).toBeLessThan(0.5);
    }
  );

  it('does not fire on prose that says "3 hours ago" and "reply"', () => {
    const page = buildPage(
      ['Storm Update', '', 'The bridge closed 3 hours ago | officials said.', 'reply'].join('\n')
    );
    expect(hackerNews.detect(page)).toBeLessThan(0.5);
  });
});

describe('hacker-news parse (HTML)', () => {
  const draft = hackerNews.parse(fixturePage('hacker-news/story-thread.html'));

  it('nests by td.ind indent and keeps the deleted comment', () => {
    expect(draft.comments.map((comment) => comment.parent)).toEqual([null, 0, 1, 2, null, 4, null]);
    expect(draft.comments[4]).toMatchObject({ author: null, text: '[deleted]' });
  });

  it('reads unix seconds from span.age and paragraphs from .commtext', () => {
    expect(draft.comments[0]).toMatchObject({
      author: 'hannah_l',
      postedAtRaw: '8 years ago',
      postedAt: '2016-11-10T18:12:00.000Z'
    });
    expect(draft.comments[0]!.text).toContain('2009.\n\nNow please extend it');
  });

  it('takes the story as the article', () => {
    expect(draft.article).toMatchObject({
      title: 'City approves tram line to the eastern suburbs',
      byline: 'transit_fan',
      body: ''
    });
  });

  it('falls back to the spacer image width on older pages', () => {
    const row = (id: string, width: number) =>
      `<tr class="athing comtr" id="${id}"><td><table><tr><td class="ind"><img src="s.gif" width="${width}"></td>` +
      `<td class="default"><span class="comhead"><a class="hnuser">u${id}</a> <span class="age">1 hour ago</span></span>` +
      `<div class="comment"><span class="commtext c00">text ${id}</span></div></td></tr></table></td></tr>`;
    const page = buildPage(
      `<html><body><table class="comment-tree">${row('1', 0)}${row('2', 40)}${row('3', 80)}${row('4', 40)}</table></body></html>`
    );
    expect(hackerNews.parse(page).comments.map((comment) => comment.parent)).toEqual([
      null,
      0,
      1,
      0
    ]);
  });

  it('gives zero comments for a story nobody commented on', () => {
    const page = buildPage(
      '<html><body><table class="fatitem"><tr class="athing submission"><td class="title"><span class="titleline"><a href="https://x.example">Quiet</a></span></td></tr>' +
        '<tr><td class="subtext"><a class="hnuser">someone</a></td></tr></table><table class="comment-tree"></table></body></html>'
    );
    expect(hackerNews.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(hackerNews.parse(page).comments).toEqual([]);
  });
});

describe('hacker-news parse (text)', () => {
  it('infers parents from the root / parent / prev links', () => {
    const { comments } = hackerNews.parse(fixturePage('hacker-news/copied-thread.txt'));
    expect(comments.map((comment) => [comment.author, comment.parent])).toEqual([
      ['hannah_l', null],
      ['oleb', 0],
      ['metro_mod', 1],
      ['oleb', 2],
      ['jorg_f', null],
      [null, null],
      ['wren-c', 5],
      ['sam_k', null]
    ]);
  });

  it('attaches only provable replies on pages from before "root" and "prev"', () => {
    const page = buildPage(
      [
        'ann 2 hours ago | next [-]',
        'Top.',
        'reply',
        'bob 1 hour ago | parent | next [-]',
        'First reply.',
        'reply',
        'cy 1 hour ago | parent [-]',
        'Reply to someone.',
        'reply'
      ].join('\n')
    );
    expect(hackerNews.parse(page).comments.map((comment) => comment.parent)).toEqual([
      null,
      0,
      null
    ]);
  });
});
