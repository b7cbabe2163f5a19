/**
 * Old Reddit (old.reddit.com): `div.commentarea` holds `.thing.comment` elements with
 * `data-author`, a tagline (`a.author`, `time[datetime]`) and `.usertext-body .md`;
 * replies nest in `.child .sitetable`. The post itself is the `.thing.link` above.
 * Copied text shows "[–]name 12 points 3 hours ago" headers and a "permalink…reply" line.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { CommentDraft, CommentFormat, Page, ParsedArticle, ThreadDraft } from '../types';
import { renderText } from '../dom';
import { isoFromAttribute } from './comment-dates';
import { enclosingIndex, ownFind } from './comment-dom';
import { mayBeOldRedditText, parseOldRedditText, scoreOldRedditText } from './reddit-old-text';
import { mentionsAny } from './html-markers';

const COMMENT = '.thing.comment';
const COMMENTS = `div.commentarea ${COMMENT}`;
/** Deleted and removed comments keep their place in the tree under these placeholder names. */
const GONE_AUTHOR = /^\[(?:deleted|removed)\]$/;

export const redditOld: CommentFormat = {
  id: 'reddit-old',
  name: 'Reddit (old)',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html' ? mentionsAny(page.$, ['commentarea']) : mayBeOldRedditText(page.text),
  detect(page: Page): number {
    if (page.markup === 'text') return scoreOldRedditText(page.lines);
    const { $ } = page;
    if ($(COMMENTS).length > 0) return 0.95;
    return $('div.commentarea').length > 0 ? 0.55 : 0;
  },
  parse(page: Page): ThreadDraft {
    return page.markup === 'text' ? parseOldRedditText(page.lines) : parseHtml(page.$);
  }
};

function parseHtml($: CheerioAPI): ThreadDraft {
  const things = $(COMMENTS).toArray();
  const indexOf = new Map(things.map((thing, index) => [thing, index]));
  const comments = things.map((thing) => toDraft($, $(thing), indexOf));
  return { comments, article: postArticle($), commentNodes: $('div.commentarea').toArray() };
}

/** The submission is the article: its title, poster, time and self text (none for a link). */
function postArticle($: CheerioAPI): Partial<ParsedArticle> {
  const post = $('.thing.link').first();
  if (post.length === 0) return {};
  const title = post.find('a.title').first().text().trim();
  const selfText = post.find('.expando .usertext-body .md').first();
  return {
    ...(title ? { title } : {}),
    byline: post.attr('data-author') ?? null,
    body: selfText.length > 0 ? renderText(selfText) : '',
    publishedAt: isoFromAttribute(post.find('.tagline time[datetime]').first().attr('datetime'))
  };
}

function toDraft(
  $: CheerioAPI,
  thing: Cheerio<Element>,
  indexOf: ReadonlyMap<Element, number>
): CommentDraft {
  const own = (selector: string) => ownFind($, thing, selector, '.thing');
  // The tagline may also hold an edit time (`time.edited-timestamp`); the first time is the post's.
  const time = own('.tagline time[datetime]:not(.edited-timestamp)');
  const author = thing.attr('data-author') ?? own('.tagline a.author').text().trim();
  return {
    author: author && !GONE_AUTHOR.test(author) ? author : null,
    text: renderText(own('.usertext-body .md')),
    postedAtRaw: time.text().trim() || null,
    postedAt: isoFromAttribute(time.attr('datetime')),
    parent: enclosingIndex(thing, COMMENT, indexOf)
  };
}
