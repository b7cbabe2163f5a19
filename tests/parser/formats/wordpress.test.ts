import { describe, expect, it } from 'vitest';
import { wordpress } from '../../../src/lib/server/ingest/formats/wordpress';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

const { own, others } = splitPages(['wordpress']);

describe('wordpress detect', () => {
  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))(
    'claims its fixture %s',
    (_, page) => {
      expect(wordpress.detect(page)).toBeGreaterThanOrEqual(0.5);
      expect(pickFormat(page)?.format.id).toBe('wordpress');
    }
  );

  it.each(others.map((fixture) => [fixture.name, fixture.page] as const))(
    'leaves %s alone',
    (_, page) => {
      expect(wordpress.detect(page)).toBeLessThan(0.5);
    }
  );

  it('does not fire on an article that quotes someone "says:" and mentions Reply', () => {
    const page = buildPage(
      [
        'Mayor Defends Budget',
        '',
        'The mayor says:',
        'We will balance the budget by spring.',
        '',
        'Reply to the council is expected on November 10, 2016.'
      ].join('\n')
    );
    expect(wordpress.detect(page)).toBeLessThan(0.5);
  });
});

describe('wordpress parse (HTML)', () => {
  it('nests replies through ol.children and reads time[datetime]', () => {
    const { comments } = wordpress.parse(fixturePage('wordpress/html5-threaded.html'));
    expect(comments.map((comment) => comment.parent)).toEqual([null, 0, 1, null, null]);
    expect(comments[0]).toMatchObject({
      author: 'Jürgen Weiß',
      postedAtRaw: 'November 10, 2016 at 3:15 pm',
      postedAt: '2016-11-10T15:15:42.000Z'
    });
    expect(comments[3]!.text).toContain('(((Goldfarb)))');
  });

  it('reads classic markup, keeps authors with spaces or Cyrillic, and skips pingbacks', () => {
    const { comments } = wordpress.parse(fixturePage('wordpress/classic-commentlist.html'));
    expect(comments.map((comment) => comment.author)).toEqual([
      'Dana Kowalski',
      'gary_h',
      'Dana Kowalski',
      'Мария Петрова'
    ]);
    expect(comments[0]!.text).toBe(
      'Good. My kids read more on Saturdays than the whole rest of the week.\n\nThank you to everyone who signed!! 📚'
    );
  });

  it('gives zero comments for a post with only the comment form', () => {
    const page = buildPage(
      '<html><body><article><h1>Quiet Post</h1><p>Nobody has commented.</p></article>' +
        '<div id="comments" class="comments-area"><div id="respond"><h3>Leave a Reply</h3>' +
        '<form id="commentform"><textarea name="comment"></textarea></form></div></div></body></html>'
    );
    expect(wordpress.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(wordpress.parse(page).comments).toEqual([]);
  });
});

describe('wordpress parse (text)', () => {
  it('reads German and Russian copies', () => {
    const german = wordpress.parse(fixturePage('wordpress/copied-de.txt'));
    expect(german.comments[0]).toMatchObject({
      author: 'Jürgen Weiß',
      postedAtRaw: '10. November 2016 um 15:15 Uhr',
      parent: null
    });
    expect(german.article?.title).toBe('Hafenbrücke: Sanierung verzögert sich bis zum Frühjahr');
    const russian = wordpress.parse(fixturePage('wordpress/copied-ru.txt'));
    expect(russian.comments.map((comment) => comment.author)).toEqual([
      'Иван Петров',
      'Ольга Смирнова'
    ]);
  });

  it('ends the article at the comments heading', () => {
    const { articleText } = wordpress.parse(fixturePage('wordpress/copied-en.txt'));
    expect(articleText).toMatch(/by Maria Wells$/);
  });

  it('nests by indentation when the copy kept it', () => {
    const { comments } = wordpress.parse(fixturePage('wordpress/copied-indented.txt'));
    expect(comments.map((comment) => comment.parent)).toEqual([null, 0, 1, null]);
  });

  it('attaches "In reply to Name." to that earlier author', () => {
    const page = buildPage(
      [
        'Post',
        '',
        'Ann Lee says:',
        'November 10, 2016 at 3:15 pm',
        'First.',
        'Reply',
        'Bob says:',
        'November 10, 2016 at 3:20 pm',
        'In reply to Ann Lee.',
        'Second.',
        'Reply'
      ].join('\n')
    );
    const { comments } = wordpress.parse(page);
    expect(comments).toMatchObject([
      { author: 'Ann Lee', parent: null, text: 'First.' },
      { author: 'Bob', parent: 0, text: 'Second.' }
    ]);
  });
});
