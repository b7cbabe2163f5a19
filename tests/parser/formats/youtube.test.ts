import { describe, expect, it } from 'vitest';
import { youtube } from '../../../src/lib/server/ingest/formats/youtube';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

const { own, others } = splitPages(['youtube']);

describe('youtube detect', () => {
  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))('claims %s', (_, page) => {
    expect(youtube.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(pickFormat(page)?.format.id).toBe('youtube');
  });

  it.each(others.map((fixture) => [fixture.name, fixture.page] as const))(
    'leaves %s alone',
    (_, page) => {
      expect(youtube.detect(page)).toBeLessThan(0.5);
    }
  );

  it('does not fire on an article that names people and says "3 years ago"', () => {
    const page = buildPage(
      [
        'Harbour ferry returns',
        'Anna Weber',
        '3 years ago',
        'the ferry stopped running. It is back this week.',
        'Reply',
        '12'
      ].join('\n')
    );
    expect(youtube.detect(page)).toBeLessThan(0.5);
  });
});

describe('youtube parse (HTML)', () => {
  it('reads threads, one level of replies and the channel owner badge', () => {
    const { comments, article } = youtube.parse(fixturePage('youtube/watch.html'));
    expect(comments.map((comment) => [comment.author, comment.depth])).toEqual([
      ['@danielle_k', 0],
      ['@ruslan.v', 1],
      ['@HarbourNews', 1],
      ['@Kazuki_Watanabe', 0],
      ['@truth-seeker-1984', 0]
    ]);
    expect(comments[1]!.postedAtRaw).toBe('7 years ago (edited)');
    expect(comments[3]!.text).toBe(
      'Watching this in hindsight is wild.\n\nEvery single “no contact” statement aged like milk.'
    );
    expect(article).toMatchObject({
      byline: 'Harbour News Network',
      publishedAt: '2016-11-11T02:00:00.000Z'
    });
  });

  it('reads the 2024 comment view model', () => {
    const page = buildPage(
      `<ytd-app><ytd-comments id="comments"><ytd-comment-thread-renderer>
        <ytd-comment-view-model id="comment"><a id="author-text" href="/@zoë_ng"><span>@zoë_ng</span></a>
        <span id="published-time-text"><a>2 months ago</a></span>
        <span id="content-text"><span>Still no transcripts 🙄</span></span></ytd-comment-view-model>
      </ytd-comment-thread-renderer></ytd-comments></ytd-app>`
    );
    expect(youtube.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(youtube.parse(page).comments).toEqual([
      { author: '@zoë_ng', postedAtRaw: '2 months ago', text: 'Still no transcripts 🙄', depth: 0 }
    ]);
  });

  it('a watch page saved before its comments loaded has none', () => {
    const page = buildPage(
      '<html><head><meta property="og:site_name" content="YouTube"><meta name="title" content="Harbour tour"></head>' +
        '<body><ytd-app><ytd-watch-flexy></ytd-watch-flexy></ytd-app></body></html>'
    );
    expect(youtube.detect(page)).toBeGreaterThanOrEqual(0.5);
    const thread = youtube.parse(page);
    expect(thread.comments).toEqual([]);
    expect(thread.article?.title).toBe('Harbour tour');
  });
});

describe('youtube parse (copied text)', () => {
  it('takes the next N comments after "N replies" as replies, until "Show more replies"', () => {
    const { comments } = youtube.parse(fixturePage('youtube/watch-copy.txt'));
    expect(comments.map((comment) => comment.depth)).toEqual([0, 0, 1, 1, 0, 0, 1, 0]);
    expect(comments[7]).toMatchObject({ author: '@Ольга-т7х', postedAtRaw: '2 years ago' });
  });

  it('keeps like counts, "Reply" and "N replies" out of the text', () => {
    const { comments } = youtube.parse(fixturePage('youtube/watch-de.txt'));
    expect(comments.map((comment) => comment.text)).toEqual([
      'Und das Dementi kam natürlich sofort. 🙄',
      '@sabine.w Was hätten sie auch sonst sagen sollen?',
      'Spannend, wie schnell sowas wieder vergessen wird.\n\nDamals war das eine Riesensache.'
    ]);
  });
});
