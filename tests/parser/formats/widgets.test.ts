import { describe, expect, it } from 'vitest';
import { livefyre } from '../../../src/lib/server/ingest/formats/livefyre';
import { spotim } from '../../../src/lib/server/ingest/formats/spotim';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import type { CommentFormat } from '../../../src/lib/server/ingest/types';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

const WIDGETS: readonly CommentFormat[] = [livefyre, spotim];

describe.each(WIDGETS)('$id detect', (format) => {
  const { own, others } = splitPages([format.id]);

  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))('claims %s', (_, page) => {
    expect(format.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(pickFormat(page)?.format.id).toBe(format.id);
  });

  it.each(others.map((fixture) => [fixture.name, fixture.page] as const))(
    'leaves %s alone',
    (_, page) => {
      expect(format.detect(page)).toBeLessThan(0.5);
    }
  );
});

describe('livefyre parse', () => {
  it('nests replies through .fyre-comment-children and skips removed comments', () => {
    const { comments, commentNodes } = livefyre.parse(fixturePage('livefyre/article.html'));
    expect(comments.map((comment) => [comment.author, comment.depth])).toEqual([
      ['PatriotPete', 0],
      ['Lena_Berg', 1],
      ['PatriotPete', 2],
      ['José Álvarez', 0]
    ]);
    expect(comments[0]!.postedAt).toBe('2016-11-10T16:20:31.000Z');
    expect(commentNodes).toHaveLength(1);
  });

  it('reads the depth class when replies are rendered flat', () => {
    const page = buildPage(
      ['Anna', 'Ben', 'Cleo']
        .map(
          (name, index) =>
            `<article class="fyre-comment-article fyre-comment-depth-${index}">` +
            `<span class="fyre-comment-username">${name}</span>` +
            `<time class="fyre-comment-date">1 hour ago</time>` +
            `<div class="fyre-comment"><p>Comment ${index}</p></div></article>`
        )
        .join('')
    );
    expect(livefyre.parse(page).comments.map((comment) => comment.depth)).toEqual([0, 1, 2]);
  });

  it('copied text is flat: a copy loses the indentation', () => {
    const { comments, articleText } = livefyre.parse(fixturePage('livefyre/article-copy.txt'));
    expect(comments.map((comment) => comment.author)).toEqual([
      'PatriotPete',
      'Lena_Berg',
      'PatriotPete',
      'José Álvarez'
    ]);
    expect(
      comments.every((comment) => comment.depth === undefined && comment.parent === undefined)
    ).toBe(true);
    expect(articleText).toContain('The Trump campaign denied any contact.');
    expect(articleText).not.toContain('people listening');
  });
});

describe('spotim parse', () => {
  it('nests replies through replies-list and skips deleted messages', () => {
    const { comments } = spotim.parse(fixturePage('spotim/article.html'));
    expect(comments.map((comment) => [comment.author, comment.depth])).toEqual([
      ['kdm_1', 0],
      ['Viktor_77', 1],
      ['Grace O.', 2],
      ['Дмитрий Соколов', 0]
    ]);
    expect(comments[3]).toMatchObject({
      postedAtRaw: '3h',
      postedAt: '2016-11-10T20:02:00.000Z',
      text: 'Опять эти (((они))) во всём виноваты, да? 🙄'
    });
  });

  it('copied text: short times ("7h") and names ending in an initial', () => {
    const { comments } = spotim.parse(fixturePage('spotim/article-copy.txt'));
    expect(comments.map((comment) => [comment.author, comment.postedAtRaw])).toEqual([
      ['kdm_1', '7h'],
      ['Viktor_77', '6h'],
      ['Grace O.', '5h'],
      ['Дмитрий Соколов', '3h']
    ]);
  });

  it('a conversation shell without messages has no comments', () => {
    const page = buildPage(
      '<html><body><p>Article.</p><div data-spotim-module="conversation"></div></body></html>'
    );
    expect(spotim.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(spotim.parse(page).comments).toEqual([]);
  });
});
