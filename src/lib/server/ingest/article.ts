/**
 * The article of a page, from what the format found plus what the core extracts. Fields a
 * format supplies (`ThreadDraft.article`) win: a forum's opening post or ZeroHedge's byline
 * is better evidence than any heuristic.
 */
import { articleFromHtml } from './article-html';
import { articleFromText } from './article-text';
import { renderText } from './dom';
import { renderedPageText } from './page';
import { sourceFromText } from './source';
import type { CommentDraft, Page, ParsedArticle, ThreadDraft } from './types';

export function extractArticle(page: Page, draft: ThreadDraft): ParsedArticle {
  const extracted = page.markup === 'html' ? fromHtml(page, draft) : fromText(page.text, draft);
  const supplied = draft.article ?? {};
  return {
    title: supplied.title !== undefined ? supplied.title : extracted.title,
    body: supplied.body !== undefined ? supplied.body : extracted.body,
    source:
      supplied.source !== undefined
        ? supplied.source
        : (extracted.source ?? sourceFromText(renderedPageText(page))),
    byline: supplied.byline !== undefined ? supplied.byline : extracted.byline,
    publishedAt: supplied.publishedAt !== undefined ? supplied.publishedAt : extracted.publishedAt
  };
}

function fromText(pageText: string, draft: ThreadDraft): ParsedArticle {
  return { ...articleFromText(articleTextOf(pageText, draft)), source: null };
}

/** HTML pages: the DOM first; the rendered text when the DOM yields no body (a bare fragment). */
function fromHtml(page: Extract<Page, { markup: 'html' }>, draft: ThreadDraft): ParsedArticle {
  const fromDom = articleFromHtml(page.$, draft.commentNodes ?? []);
  if (fromDom.body !== '') return fromDom;
  const fromRendered = fromText(renderText(page.$.root()), draft);
  return {
    title: fromDom.title ?? fromRendered.title,
    body: fromRendered.body,
    source: fromDom.source,
    byline: fromDom.byline ?? fromRendered.byline,
    publishedAt: fromDom.publishedAt ?? fromRendered.publishedAt
  };
}

/**
 * The text the article is read from: what the format says precedes the comments; the
 * whole page when there are no comments; otherwise the page up to the first comment's
 * text, so that comments never leak into the article when a format leaves it out.
 */
function articleTextOf(pageText: string, draft: ThreadDraft): string {
  if (draft.articleText !== undefined) return draft.articleText;
  const first = draft.comments[0];
  if (!first) return pageText;
  return textBeforeComment(pageText, first);
}

function textBeforeComment(pageText: string, comment: CommentDraft): string {
  const firstLine = comment.text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  const at = firstLine ? pageText.indexOf(firstLine) : -1;
  if (at < 0) return pageText;
  const lines = pageText.slice(0, at).split('\n');
  // Drop the comment's header (author, time) that sits above its text.
  while (lines.length > 0 && (lines.at(-1)!.trim() === '' || isHeaderOf(lines.at(-1)!, comment)))
    lines.pop();
  return lines.join('\n');
}

function isHeaderOf(line: string, comment: CommentDraft): boolean {
  return (
    (comment.author !== null && line.includes(comment.author)) ||
    (comment.postedAtRaw !== null && line.includes(comment.postedAtRaw))
  );
}
