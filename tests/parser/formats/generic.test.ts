import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/lib/server/ingest/formats/generic';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import { fixturePage, seedPages, splitPages } from '../../helpers/format-fixture-pages';

const { own, others } = splitPages(['generic']);
const articles = [...seedPages(), ...others.filter((fixture) => fixture.format === 'none')];

describe('generic detect', () => {
  it.each(own.map((fixture) => [fixture.name, fixture.page] as const))('claims %s', (_, page) => {
    expect(generic.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(pickFormat(page)?.format.id).toBe('generic');
  });

  it.each(articles.map((fixture) => [fixture.name, fixture.page] as const))(
    'finds no comments in the plain article %s',
    (_, page) => {
      expect(generic.detect(page)).toBeLessThan(0.5);
      expect(generic.parse(page).comments).toEqual([]);
    }
  );

  it('needs the shape twice: one name / date / text / Reply block is not a comment section', () => {
    const page = buildPage(
      [
        'Letters',
        'Jane Porter',
        'Nov 10, 2016',
        'Dear editor, the ferry is late again.',
        'Reply'
      ].join('\n')
    );
    expect(generic.detect(page)).toBeLessThan(0.5);
  });

  it('needs a reply control: a timeline of quotes with names and dates is no thread', () => {
    const page = buildPage(
      [
        'Sergei Ryabkov',
        'Nov. 10, 2016',
        '"There were contacts."',
        'Share',
        'Hope Hicks',
        'Nov. 10, 2016',
        '"The campaign had no contact with Russian officials."',
        'Share'
      ].join('\n')
    );
    expect(generic.detect(page)).toBeLessThan(0.5);
  });
});

describe('generic parse (copied text)', () => {
  it('reads "In reply to" lines as the parent and keeps them out of the text', () => {
    const { comments, articleText } = generic.parse(fixturePage('generic/blog-en.txt'));
    expect(comments.map((comment) => [comment.author, comment.parent])).toEqual([
      ['Martin Krall', null],
      ['sunny_side_up', null],
      ['Martin Krall', 1],
      ['OldSchoolTed', null],
      ['Editor', 3]
    ]);
    expect(comments[2]!.text).toBe(
      'Because "no contact" is a simpler sound bite than "routine contact". Politics 101.'
    );
    expect(articleText).toContain('had no contact with Russian officials');
    expect(articleText).not.toContain('Leave a comment');
  });

  it('German and Russian controls and relative times', () => {
    const german = generic.parse(fixturePage('generic/forum-de.txt')).comments;
    expect(german.map((comment) => comment.postedAtRaw)).toEqual([
      'vor 5 Stunden',
      'vor 4 Stunden',
      'vor 3 Stunden',
      'vor 2 Stunden'
    ]);
    expect(german[3]!.parent).toBe(1);
    const russian = generic.parse(fixturePage('generic/comments-ru.txt')).comments;
    expect(russian.map((comment) => comment.author)).toEqual(['Иван Петров', 'Мария_К', 'Сергей']);
    expect(russian[2]).toMatchObject({ postedAtRaw: 'вчера в 09:12', parent: 1 });
  });

  it('one-line headers ("Claire D. · il y a 3 heures")', () => {
    const { comments } = generic.parse(fixturePage('generic/comments-fr.txt'));
    expect(comments.map((comment) => [comment.author, comment.postedAtRaw])).toEqual([
      ['Claire D.', 'il y a 3 heures'],
      ['Yannick_75', 'il y a 2 heures'],
      ['Claire D.', 'il y a 1 heure']
    ]);
  });
});

describe('generic parse (HTML)', () => {
  it('finds the repeated comment boxes, their nesting and the comment section', () => {
    const page = fixturePage('generic/comments.html');
    const { comments, commentNodes } = generic.parse(page);
    expect(comments.map((comment) => [comment.author, comment.depth])).toEqual([
      ['Maggie Lin', 0],
      ['Tom Brandt', 1],
      ['Maggie Lin', 1],
      ['Ólafur Jónsson', 0]
    ]);
    expect(comments[0]).toMatchObject({
      postedAt: '2016-11-10T15:20:00.000Z',
      text: 'So "no contact" meant "some contact". Good to know.\n\nI would love to see the visitor logs.'
    });
    expect(commentNodes).toHaveLength(1);
    if (page.markup === 'html')
      expect(page.$(commentNodes![0]!).attr('id')).toBe('reader-comments');
  });

  it('ignores teaser lists and pull quotes that repeat author, date and text', () => {
    const page = fixturePage('generic/plain-article-page.html');
    expect(generic.detect(page)).toBe(0);
  });

  it('reads a classless comment list whose items offer a reply', () => {
    const item = (name: string, text: string): string =>
      `<li><span class="user">${name}</span> <time datetime="2016-11-10T10:00:00Z">Nov 10, 2016</time>` +
      `<p>${text}</p><a href="#">Reply</a></li>`;
    const page = buildPage(
      `<html><body><p>Story.</p><ul>${item('Ana', 'First!')}${item('Бор', 'Второй 🙂')}</ul></body></html>`
    );
    expect(generic.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(generic.parse(page).comments.map((comment) => [comment.author, comment.text])).toEqual([
      ['Ana', 'First!'],
      ['Бор', 'Второй 🙂']
    ]);
  });
});
