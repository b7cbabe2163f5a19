import { describe, expect, it } from 'vitest';
import { disqus } from '../../../src/lib/server/ingest/formats/disqus';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

const { own, others } = splitPages(['disqus']);

describe('disqus detect', () => {
  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))(
    'claims its fixture %s',
    (_, page) => {
      expect(disqus.detect(page)).toBeGreaterThanOrEqual(0.5);
      expect(pickFormat(page)?.format.id).toBe('disqus');
    }
  );

  it.each(others.map((fixture) => [fixture.name, fixture.page] as const))(
    'leaves %s alone',
    (_, page) => {
      expect(disqus.detect(page)).toBeLessThan(0.5);
    }
  );

  it('does not fire on an article with a dateline bullet and the word Reply', () => {
    const page = buildPage(
      [
        'Tram Plans Approved',
        'Metro Desk',
        '•',
        '2 hours ago',
        '',
        'The council approved the plan. Reply from the opposition is expected.'
      ].join('\n')
    );
    expect(disqus.detect(page)).toBeLessThan(0.5);
  });
});

describe('disqus parse (HTML)', () => {
  const { comments } = disqus.parse(fixturePage('disqus/embedded-thread.html'));

  it('nests replies through ul.children, keeping a deleted post in the tree', () => {
    expect(comments.map((comment) => comment.parent)).toEqual([null, 0, 1, 2, null, 4, null]);
    expect(comments[4]).toMatchObject({ author: null, text: 'This comment was deleted.' });
  });

  it('takes the absolute time from the time-ago link title', () => {
    expect(comments[0]!.postedAtRaw).toBe('Thursday, November 10, 2016 6:12 PM');
  });

  it('keeps emoji in author names and the raw (((…))) punctuation', () => {
    expect(comments[1]!.author).toBe('Ole Brandvik 🚋');
    expect(comments[6]!.text).toContain('(((globalist)))');
  });

  it('follows the "in reply to" link of a reply shown flat', () => {
    const page = buildPage(
      '<div id="disqus_thread"><ul id="post-list">' +
        post('11', 'Ann', '<p>First</p>') +
        post('12', 'Bob', '<p>Second</p>') +
        post('13', 'Cy', '<p>To Ann</p>', '#comment-11') +
        '</ul></div>'
    );
    expect(disqus.parse(page).comments.map((comment) => comment.parent)).toEqual([null, null, 0]);
  });

  it('gives zero comments for an embed whose iframe was not saved', () => {
    const page = buildPage(
      '<html><body><article><h1>Story</h1><p>Text.</p></article><div id="disqus_thread"></div></body></html>'
    );
    expect(disqus.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(disqus.parse(page).comments).toEqual([]);
  });
});

describe('disqus parse (text)', () => {
  it('splits three-line headers, drops votes and Reply • Share ›, keeps deleted posts', () => {
    const { comments, articleText } = disqus.parse(fixturePage('disqus/copied-thread.txt'));
    expect(comments.map((comment) => comment.author)).toEqual([
      'Hannah Lindqvist',
      'Ole Brandvik 🚋',
      'Courier Moderator',
      'Ole Brandvik 🚋',
      null,
      'Wren Castellanos',
      'K. Dubois'
    ]);
    expect(comments[2]).toMatchObject({
      postedAtRaw: '8 years ago',
      text: 'The buses stay: the tram replaces route 4 only. Details are in the second paragraph.'
    });
    expect(comments.every((comment) => comment.parent === null)).toBe(true);
    expect(articleText).toMatch(/Construction is due to start in 2018\.$/);
  });

  it('reads the one-line "Name • 8 years ago" layout', () => {
    const { comments } = disqus.parse(fixturePage('disqus/copied-compact.txt'));
    expect(comments[1]).toMatchObject({
      author: 'Marta Nowak-Sørensen',
      text: 'The first free hour is the important part.\n\nMost people shop for less than that.'
    });
  });

  it('gives zero comments for a section with no posts yet', () => {
    const page = buildPage(
      ['Story', '', 'Text of the story.', '', '0 Comments', 'Sort by Best', 'Disqus'].join('\n')
    );
    expect(disqus.parse(page).comments).toEqual([]);
  });
});

function post(id: string, author: string, message: string, parentLink?: string): string {
  const link = parentLink ? `<a class="parent-link" href="${parentLink}">in reply</a>` : '';
  return (
    `<li class="post" id="post-${id}"><div class="post-content"><header>` +
    `<span class="post-byline"><span class="author">${author}</span>${link}</span>` +
    `<a class="time-ago" title="Thursday, November 10, 2016 6:12 PM">8 years ago</a></header>` +
    `<div class="post-message">${message}</div></div><ul class="children"></ul></li>`
  );
}
