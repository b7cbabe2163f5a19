import { describe, expect, it } from 'vitest';
import { phpbb } from '../../../src/lib/server/ingest/formats/phpbb';
import { vbulletin } from '../../../src/lib/server/ingest/formats/vbulletin';
import { xenforo } from '../../../src/lib/server/ingest/formats/xenforo';
import { buildPage } from '../../../src/lib/server/ingest/page';
import { pickFormat } from '../../../src/lib/server/ingest/registry';
import type { CommentFormat } from '../../../src/lib/server/ingest/types';
import { fixturePage, splitPages } from '../../helpers/format-fixture-pages';

const FORUMS: readonly CommentFormat[] = [xenforo, vbulletin, phpbb];

describe.each(FORUMS)('$id detect', (format) => {
  const { own, others } = splitPages([format.id]);

  it('has fixtures of its own', () => {
    expect(own.length).toBeGreaterThanOrEqual(3);
  });

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

  it('does not fire on an article that mentions Reply, Quote and a post number', () => {
    const page = buildPage(
      [
        'Council approves harbour budget',
        'Nov 10, 2016',
        '#1',
        'The council voted 7-2. "Quote: we will balance it by spring," the mayor said.',
        'Reply With Quote',
        'Bob wrote:',
        'Letters to the editor are welcome.'
      ].join('\n')
    );
    expect(format.detect(page)).toBeLessThan(0.5);
  });
});

describe('the opening post is the article', () => {
  it('XenForo: a thread with only its opening post has no comments', () => {
    const saved = fixturePage('xenforo/thread.html');
    if (saved.markup !== 'html') throw new Error('the XenForo fixture is HTML');
    saved.$('.message').slice(1).remove();
    const page = buildPage(saved.$.html());
    const thread = xenforo.parse(page);
    expect(xenforo.detect(page)).toBeGreaterThanOrEqual(0.5);
    expect(thread.comments).toEqual([]);
    expect(thread.article).toMatchObject({ byline: 'Hannah K.' });
    expect(thread.article?.body).toContain('Somebody is not telling the truth here');
  });

  it('phpBB text: only the opening post', () => {
    const lines = fixtureText('phpbb/thread-copy.txt').split('\n');
    const secondPost = lines.indexOf('kestrel');
    const page = buildPage([...lines.slice(0, secondPost), 'Post Reply'].join('\n'));
    expect(phpbb.detect(page)).toBeGreaterThanOrEqual(0.5);
    const thread = phpbb.parse(page);
    expect(thread.comments).toEqual([]);
    expect(thread.article).toMatchObject({
      title: 'Moscow: we were in touch with Trump’s people',
      byline: 'Harbour Watch'
    });
  });

  it('vBulletin text: page 2 of a thread has no opening post, so every post is a comment', () => {
    const text = fixtureText('vbulletin/thread-copy.txt')
      .replace('#1\n', '#21\n')
      .replace('#2\n', '#22\n');
    const thread = vbulletin.parse(buildPage(text));
    expect(thread.comments.map((comment) => comment.author)).toEqual([
      'GreyOwl',
      'Luisa_M',
      'tom.h',
      'Zoë Ng',
      'Luisa_M'
    ]);
    expect(thread.article?.body).toBeUndefined();
  });
});

describe('quotes', () => {
  it('XenForo HTML: a quote of the opening post answers the article; post ids beat names', () => {
    const { comments } = xenforo.parse(fixturePage('xenforo/thread.html'));
    expect(comments.map((comment) => comment.parent)).toEqual([null, 0, null, 2, 1]);
    expect(comments.every((comment) => !comment.text.includes('said:'))).toBe(true);
  });

  it('phpBB HTML: links the quoted post by id and drops the signature', () => {
    const { comments } = phpbb.parse(fixturePage('phpbb/thread.html'));
    expect(comments.map((comment) => comment.parent)).toEqual([null, 0, null, 1]);
    expect(comments[0]!.text).toBe('Neither, until somebody publishes names and dates.');
  });

  it('copied text: a quote whose end the copy does not show stays in the text', () => {
    const { comments } = vbulletin.parse(fixturePage('vbulletin/thread-copy.txt'));
    expect(comments[3]).toMatchObject({ author: 'Luisa_M', parent: 1 });
    expect(comments[3]!.text).toBe(
      'Quote:\nOriginally Posted by tom.h\n"boring" is doing a lot of work\nFair point, I\'ll give you that one.'
    );
  });

  it('German and Russian quote headers name the parent', () => {
    expect(xenforo.parse(fixturePage('xenforo/thread-de.txt')).comments[2]).toMatchObject({
      author: 'Sabine W.',
      parent: 1,
      text: 'Solche Andeutungen kannst du dir sparen. Gemeldet.'
    });
    expect(xenforo.parse(fixturePage('xenforo/thread-ru.txt')).comments[1]).toMatchObject({
      author: 'Пётр Иванович',
      parent: 0
    });
  });
});

describe('deleted posts and unicode authors', () => {
  it('skips deleted posts in HTML and text', () => {
    for (const name of ['xenforo/thread.html', 'xenforo/thread-copy.txt']) {
      const authors = xenforo.parse(fixturePage(name)).comments.map((comment) => comment.author);
      expect(authors).not.toContain('Troll99');
      expect(authors).toContain('Ünal Øster');
    }
    const vb4 = vbulletin.parse(fixturePage('vbulletin/vb4.html')).comments;
    expect(vb4.map((comment) => comment.author)).toEqual(['Luisa_M', 'tom.h', 'Zoë Ng', 'Luisa_M']);
  });

  it('reads machine-readable times where the forum prints them', () => {
    const [first] = xenforo.parse(fixturePage('xenforo/thread.html')).comments;
    expect(first).toMatchObject({
      postedAt: '2016-11-10T16:02:00.000Z',
      postedAtRaw: 'Nov 10, 2016'
    });
    const [reply] = vbulletin.parse(fixturePage('vbulletin/vb4.html')).comments;
    expect(reply!.postedAt).toBeUndefined();
    expect(reply!.postedAtRaw).toBe('11-10-2016, 03:48 PM');
  });
});

function fixtureText(name: string): string {
  const page = fixturePage(name);
  if (page.markup !== 'text') throw new Error(`${name} is not copied text`);
  return page.text;
}
