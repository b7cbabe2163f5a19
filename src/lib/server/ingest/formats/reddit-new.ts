/**
 * New Reddit ("shreddit"): the post is a `shreddit-post` (title in `post-title`), each
 * comment a `shreddit-comment` with `author`, `thingid`, `parentid` and `depth`
 * attributes, its time in `faceplate-timeago > time[datetime]` and its text in
 * `div[slot="comment"]`; replies nest inside their parent. Copied text shows
 * "name" • "3h ago", the text, then vote counts and "Reply", "Award", "Share".
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { CommentDraft, CommentFormat, Page, ParsedArticle, ThreadDraft } from '../types';
import { renderText } from '../dom';
import { isoFromAttribute } from './comment-dates';
import { enclosingIndex, ownFind } from './comment-dom';
import { parseNewRedditText, scoreNewRedditText } from './reddit-new-text';
import { mentionsAny } from './html-markers';

const COMMENT = 'shreddit-comment';
/** Deleted and removed comments keep their place in the tree under these placeholder names. */
const GONE_AUTHOR = /^\[(deleted|removed)\]$/;

export const redditNew: CommentFormat = {
  id: 'reddit-new',
  name: 'Reddit (new)',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) => page.markup === 'text' || mentionsAny(page.$, ['shreddit-']),
  detect(page: Page): number {
    if (page.markup === 'text') return scoreNewRedditText(page.lines);
    const { $ } = page;
    if ($(COMMENT).length > 0) return 0.95;
    return $('shreddit-post, shreddit-comment-tree').length > 0 ? 0.55 : 0;
  },
  parse(page: Page): ThreadDraft {
    return page.markup === 'text' ? parseNewRedditText(page.lines) : parseHtml(page.$);
  }
};

function parseHtml($: CheerioAPI): ThreadDraft {
  const elements = $(COMMENT).toArray();
  const indexOf = new Map(elements.map((element, index) => [element, index]));
  const indexOfThing = new Map(elements.map((element, index) => [element.attribs.thingid, index]));
  const comments = elements.map((element, index): CommentDraft => {
    const comment = $(element);
    const parentId = comment.attr('parentid');
    const parentThing = parentId ? indexOfThing.get(parentId) : undefined;
    return {
      ...authorAndText($, comment),
      ...postedTime($, comment),
      // `parentid` names the parent even where Reddit shows a deep reply out of place.
      parent:
        parentThing !== undefined && parentThing < index
          ? parentThing
          : enclosingIndex(comment, COMMENT, indexOf)
    };
  });
  return { comments, article: postArticle($), commentNodes: sectionNodes($) };
}

/** The post is the article: its title, poster, time and text body (none for a link). */
function postArticle($: CheerioAPI): Partial<ParsedArticle> {
  const post = $('shreddit-post').first();
  if (post.length === 0) return {};
  const title = post.attr('post-title')?.trim();
  const textBody = post.find('div[slot="text-body"]').first();
  return {
    ...(title ? { title } : {}),
    byline: post.attr('author')?.trim() || null,
    body: textBody.length > 0 ? renderText(textBody) : '',
    publishedAt: isoFromAttribute(post.attr('created-timestamp'))
  };
}

function authorAndText($: CheerioAPI, comment: Cheerio<Element>) {
  const author = comment.attr('author')?.trim() ?? '';
  const gone = GONE_AUTHOR.exec(author);
  const body = ownFind($, comment, 'div[slot="comment"]', COMMENT);
  const text = body.length > 0 ? renderText(body) : gone ? `[${gone[1]}]` : '';
  return { author: author && !gone ? author : null, text };
}

function postedTime($: CheerioAPI, comment: Cheerio<Element>) {
  const timeago = ownFind($, comment, 'faceplate-timeago', COMMENT);
  const time = timeago.find('time[datetime]').first();
  return {
    postedAtRaw: timeago.text().trim() || null,
    postedAt: isoFromAttribute(time.attr('datetime') ?? timeago.attr('ts'))
  };
}

/** The comment tree(s); a page saved without the tree wrapper gives its top-level comments. */
function sectionNodes($: CheerioAPI): AnyNode[] {
  const trees = $('shreddit-comment-tree');
  if (trees.length > 0) return trees.toArray();
  return $(COMMENT)
    .filter((_, element) => $(element).parent().closest(COMMENT).length === 0)
    .toArray();
}
