import { describe, expect, it } from 'vitest';
import { redditNew } from '../../../src/lib/server/ingest/formats/reddit-new';
import { redditOld } from '../../../src/lib/server/ingest/formats/reddit-old';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import type { CommentFormat } from '../../../src/lib/server/ingest/types';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

describe.each([
  ['reddit-old', redditOld],
  ['reddit-new', redditNew]
] as [string, CommentFormat][])('%s detect', (id, format) => {
  const { own, others } = splitPages([id]);

  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))(
    'claims its fixture %s',
    (_, page) => {
      expect(format.detect(page)).toBeGreaterThanOrEqual(0.5);
      expect(pickFormat(page)?.format.id).toBe(id);
    }
  );

  it.each(others.map((fixture) => [fixture.name, fixture.page] as const))(
    'leaves %s alone',
    (_, page) => {
      expect(format.detect(page)).toBeLessThan(0.5);
    }
  );
});

describe('reddit-old parse (HTML)', () => {
  const draft = redditOld.parse(fixturePage('reddit-old/self-post-thread.html'));

  it('nests through .child .sitetable and keeps the removed comment in the tree', () => {
    expect(draft.comments.map((comment) => comment.parent)).toEqual([null, 0, 1, 2, null, 4, null]);
    expect(draft.comments[4]).toMatchObject({ author: null, text: '[removed]' });
  });

  it('reads data-author and time[datetime]', () => {
    expect(draft.comments[0]).toMatchObject({
      author: 'hannah_l',
      postedAtRaw: '8 years ago',
      postedAt: '2016-11-10T18:12:00.000Z'
    });
  });

  it('takes the submission as the article', () => {
    expect(draft.article).toMatchObject({
      title: 'City approves tram line to the eastern suburbs',
      byline: 'transit_fan',
      publishedAt: '2016-11-10T17:40:00.000Z'
    });
    expect(draft.article?.body).toContain('The council voted 31 to 14');
  });

  it('gives zero comments for a comment area with no comments', () => {
    const page = buildPage(
      '<html><body><div class="content"><div class="commentarea">' +
        '<div class="panestack-title"><span class="title">no comments (yet)</span></div>' +
        '</div></div></body></html>'
    );
    expect(redditOld.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(redditOld.parse(page).comments).toEqual([]);
  });
});

describe('reddit-old parse (text)', () => {
  it('infers only the parents the buttons prove, and leaves collapsed comments out', () => {
    const { comments } = redditOld.parse(fixturePage('reddit-old/copied-flat.txt'));
    expect(comments.map((comment) => [comment.author, comment.parent])).toEqual([
      ['hannah_l', null],
      ['oleb', 0],
      ['metro_mod', null],
      ['oleb', null],
      [null, null],
      ['wren-c', 4],
      ['sam_k', null]
    ]);
  });

  it('nests by indentation when the copy kept it', () => {
    const { comments } = redditOld.parse(fixturePage('reddit-old/copied-indented.txt'));
    expect(comments.map((comment) => comment.parent)).toEqual([null, 0, 1, 2, 1, null]);
  });

  it('reads spaced and unspaced button lines alike', () => {
    const page = buildPage(
      [
        '[–]ann 3 points 2 hours ago',
        'Top.',
        'permalink embed save report reply',
        '[–]bob 1 point 1 hour ago',
        'Below.',
        'permalinkembedsaveparentreportgive awardreply'
      ].join('\n')
    );
    expect(redditOld.parse(page).comments).toMatchObject([
      { author: 'ann', text: 'Top.', parent: null },
      { author: 'bob', text: 'Below.', parent: 0, postedAtRaw: '1 hour ago' }
    ]);
  });
});

describe('reddit-new parse (HTML)', () => {
  const draft = redditNew.parse(fixturePage('reddit-new/post-thread.html'));

  it('follows parentid and keeps the deleted comment in the tree', () => {
    expect(draft.comments.map((comment) => comment.parent)).toEqual([null, 0, 1, 2, null, 4, null]);
    expect(draft.comments[4]).toMatchObject({
      author: null,
      text: 'Comment removed by moderator'
    });
  });

  it('reads the time from faceplate-timeago', () => {
    expect(draft.comments[2]).toMatchObject({
      author: 'metro_mod',
      postedAtRaw: '8 yr. ago',
      postedAt: '2016-11-10T19:30:00.000Z'
    });
  });

  it('takes shreddit-post as the article', () => {
    expect(draft.article).toMatchObject({
      title: 'City approves tram line to the eastern suburbs',
      byline: 'transit_fan'
    });
  });

  it('gives zero comments for a post without comments', () => {
    const page = buildPage(
      '<html><body><shreddit-post post-title="Quiet" author="someone"></shreddit-post>' +
        '<shreddit-comment-tree totalcomments="0"></shreddit-comment-tree></body></html>'
    );
    expect(redditNew.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(redditNew.parse(page).comments).toEqual([]);
  });
});

describe('reddit-new parse (text)', () => {
  const draft = redditNew.parse(fixturePage('reddit-new/copied-thread.txt'));

  it('skips badges and "Edited" lines, and drops the vote and share controls', () => {
    expect(draft.comments[2]).toMatchObject({
      author: 'metro_mod',
      postedAtRaw: '8 yr. ago',
      text: 'The buses stay: the tram replaces route 4 only.'
    });
    expect(draft.comments[1]!.text).toBe(
      'So they scrap the buses and we get a tram that stops at 11 pm. Useless.'
    );
  });

  it('keeps a deleted comment with its placeholder text', () => {
    expect(draft.comments[4]).toMatchObject({
      author: null,
      text: 'Comment removed by moderator'
    });
  });

  it('takes the post title and poster, not the subreddit header, as the article', () => {
    expect(draft.article).toMatchObject({
      title: 'City approves tram line to the eastern suburbs',
      byline: 'transit_fan'
    });
    expect(draft.comments.map((comment) => comment.author)).not.toContain('r/metrotransit');
  });
});
