/**
 * What the three forum modules share once they have found the posts of a thread page: the
 * opening post is the article, the replies are the comments, and a quote of an earlier
 * post is the best evidence of what a reply answers.
 */
import type { AnyNode } from 'domhandler';
import type { CommentDraft, ParsedArticle, ThreadDraft } from '../types';

/** A quoted post as the forum names it: by author, and by post id where the forum links it. */
export interface QuoteRef {
  author: string | null;
  postId: string | null;
}

export interface ForumPost {
  author: string | null;
  postedAtRaw: string | null;
  postedAt?: string | null;
  /**
   * The poster's own words. Quotes of other posts are removed: they are someone else's
   * words (a classifier must not blame the replier for them) and `parent` already links
   * the reply to the post it quotes.
   */
  text: string;
  /** The post as shown, quotes included: what the article body is made of. */
  fullText: string;
  /** The posts this one quotes, in page order. */
  quotes: QuoteRef[];
  postId?: string | null;
  node?: AnyNode;
}

/**
 * Builds the thread: `posts[0]` is the article when `firstIsOpening` (page 1 of a thread),
 * otherwise every post on the page is a reply and only the thread title is known.
 */
export function threadFromPosts(
  posts: readonly ForumPost[],
  title: string | null,
  firstIsOpening: boolean
): ThreadDraft {
  const opening = firstIsOpening ? posts[0] : undefined;
  const replies = firstIsOpening ? posts.slice(1) : posts;
  // Only what is known: a field set to null would stop the core from extracting it.
  const article: Partial<ParsedArticle> = {};
  if (title) article.title = title;
  if (opening) {
    article.body = opening.fullText;
    if (opening.author) article.byline = opening.author;
    if (opening.postedAt) article.publishedAt = opening.postedAt;
  }
  const comments = replies.map((post, index) =>
    toComment(post, quotedParent(post, replies, index))
  );
  const commentNodes = replies.flatMap((post) => (post.node ? [post.node] : []));
  return { article, comments, ...(commentNodes.length > 0 ? { commentNodes } : {}) };
}

function toComment(post: ForumPost, parent: number | null): CommentDraft {
  const comment: CommentDraft = {
    author: post.author,
    text: post.text,
    postedAtRaw: post.postedAtRaw,
    parent
  };
  if (post.postedAt) comment.postedAt = post.postedAt;
  return comment;
}

/**
 * The reply's parent: the first quote that names an earlier reply, by post id where the
 * forum links one, else the most recent earlier reply by the quoted author. A quote of the
 * opening post (or of a post not on this page) answers the article: no parent.
 */
export function quotedParent(
  post: ForumPost,
  replies: readonly ForumPost[],
  index: number
): number | null {
  const earlier = replies.slice(0, index);
  for (const quote of post.quotes) {
    if (quote.postId !== null) {
      // The id is authoritative: a quoted post that is no earlier reply is the article.
      const byId = earlier.findIndex((reply) => reply.postId === quote.postId);
      if (byId >= 0) return byId;
    } else if (quote.author !== null) {
      const wanted = sameName(quote.author);
      for (let i = earlier.length - 1; i >= 0; i--) {
        if (sameName(earlier[i]!.author ?? '') === wanted) return i;
      }
    }
  }
  return null;
}

function sameName(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase();
}
