/**
 * Disqus: the embed renders `ul#post-list` > `li.post` inside `#disqus_thread`, replies in
 * `ul.children`; each post has `.post-byline .author`, `a.time-ago` (absolute time in its
 * title) and `.post-message`. Copied text shows "Name", "•", "8 years ago", the text, then
 * vote counts and "Reply • Share ›".
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { CommentDraft, CommentFormat, Page, ThreadDraft } from '../types';
import { enclosingIndex, ownFind } from './comment-dom';
import { renderText } from '../dom';
import { mayBeDisqusText, parseDisqusText, scoreDisqusText } from './disqus-text';
import { mentionsAny } from './html-markers';

const POST = 'li.post';
const POSTS = `#post-list ${POST}, ul.post-list ${POST}, #disqus_thread ${POST}`;
/** Replies past Disqus's maximum depth are shown flat; their "in reply to" link still names the parent. */
const PARENT_LINK = /#comment-(\d+)$/;

export const disqus: CommentFormat = {
  id: 'disqus',
  name: 'Disqus',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html'
      ? mentionsAny(page.$, ['post-list', 'disqus_thread'])
      : mayBeDisqusText(page.text),
  detect(page: Page): number {
    if (page.markup === 'text') return scoreDisqusText(page.lines);
    const { $ } = page;
    if ($(POSTS).length > 0) return 0.95;
    // The embed's container with the comments not saved (they live in an iframe).
    return $('#disqus_thread').length > 0 ? 0.55 : 0;
  },
  parse(page: Page): ThreadDraft {
    return page.markup === 'text' ? parseDisqusText(page.lines) : parseHtml(page.$);
  }
};

function parseHtml($: CheerioAPI): ThreadDraft {
  const posts = $(POSTS).toArray();
  const indexOf = new Map(posts.map((post, index) => [post, index]));
  const indexOfId = new Map(posts.map((post, index) => [postId(post), index]));
  const comments = posts.map((post, index): CommentDraft => {
    const own = (selector: string) => ownFind($, $(post), selector, POST);
    const time = own('a.time-ago');
    const linked = PARENT_LINK.exec(own('a.parent-link').attr('href') ?? '')?.[1];
    const linkedIndex = linked ? indexOfId.get(linked) : undefined;
    return {
      author: own('.post-byline .author').text().trim() || null,
      text: renderText(own('.post-message')),
      postedAtRaw: time.attr('title')?.trim() || time.text().trim() || null,
      parent:
        linkedIndex !== undefined && linkedIndex < index
          ? linkedIndex
          : enclosingIndex($(post), POST, indexOf)
    };
  });
  return { comments, commentNodes: sectionNodes($, $(POSTS)) };
}

/** "post-3012345678" → "3012345678". */
function postId(post: Element): string {
  return (post.attribs.id ?? '').replace(/^post-/, '');
}

function sectionNodes($: CheerioAPI, posts: Cheerio<Element>): AnyNode[] {
  const thread = $('#disqus_thread');
  if (thread.length > 0) return thread.toArray();
  const layout = posts.first().closest('#conversation, #layout, #post-list, ul.post-list');
  return layout.toArray();
}
