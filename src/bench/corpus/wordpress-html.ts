/**
 * Writes a synthetic article as a saved WordPress page (HTML, the twentytwenty theme's
 * markup as in tests/fixtures/formats/wordpress/html5-threaded.html): og:site_name names
 * the outlet, and replies nest in their parent's `ol.children`, so the parser reads the
 * thread from the DOM.
 */
import type { SyntheticArticle, SyntheticComment } from './synthetic-corpus';

const encoder = new TextEncoder();

export function wordpressHtml(article: SyntheticArticle): Uint8Array {
  const children = new Map<number | null, number[]>();
  article.comments.forEach((comment, index) => {
    const siblings = children.get(comment.replyTo) ?? [];
    siblings.push(index);
    children.set(comment.replyTo, siblings);
  });
  const thread = (parent: number | null, depth: number): string =>
    (children.get(parent) ?? [])
      .map((index) => {
        const nested = children.has(index)
          ? `<ol class="children">${thread(index, depth + 1)}</ol>`
          : '';
        return commentItem(article.comments[index]!, index, depth, nested);
      })
      .join('\n');
  const title = escapeHtml(article.title);
  const outlet = escapeHtml(article.outlet);
  const page = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${title} &#8211; ${outlet}</title>
<meta property="og:site_name" content="${outlet}">
</head>
<body class="single single-post">
<header id="site-header"><div class="site-title"><a href="https://outlet.example/">${outlet}</a></div></header>
<main id="site-content">
<article class="post type-post status-publish hentry" id="post-${article.index + 1}">
  <header class="entry-header">
    <h1 class="entry-title">${title}</h1>
    <ul class="post-meta"><li class="post-author">By <a href="https://outlet.example/author/">${escapeHtml(article.byline)}</a></li><li class="post-date"><time datetime="${article.publishedAt.toISOString()}">${article.publishedAt.toISOString().slice(0, 10)}</time></li></ul>
  </header>
  <div class="entry-content">
${article.paragraphs.map((paragraph) => `    <p>${escapeHtml(paragraph)}</p>`).join('\n')}
  </div>
</article>
<div class="comments-wrapper">
  <div class="comments" id="comments">
    <h2 class="comment-reply-title">${article.comments.length} replies on &ldquo;${title}&rdquo;</h2>
    <ol class="comment-list">
${thread(null, 1)}
    </ol>
  </div>
  <div id="respond" class="comment-respond"><h2 id="reply-title" class="comment-reply-title">Leave a Reply</h2></div>
</div>
</main>
</body>
</html>
`;
  return encoder.encode(page);
}

function commentItem(
  comment: SyntheticComment,
  index: number,
  depth: number,
  nested: string
): string {
  const id = `comment-${index + 1}`;
  return `<li id="${id}" class="comment depth-${depth}"><article id="div-${id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><span class="fn">${escapeHtml(comment.author)}</span><span class="screen-reader-text says">says:</span></div>
<div class="comment-metadata"><a href="#${id}"><time datetime="${comment.postedAt.toISOString()}">${comment.postedAt.toISOString().slice(0, 16).replace('T', ' ')}</time></a></div></footer>
<div class="comment-content entry-content"><p>${escapeHtml(comment.text)}</p></div>
<footer class="comment-footer-meta"><span class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="#${id}">Reply</a></span></footer>
</article>${nested}</li>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!
  );
}
