/**
 * The synthetic corpus as pages: most articles as copied WordPress text, one in HTML_EVERY
 * as a saved WordPress HTML page (whose og:site_name gives the article its outlet — copied
 * text names none, as on real pages).
 */
import type { SyntheticArticle } from './synthetic-corpus';
import { wordpressHtml } from './wordpress-html';
import { wordpressPage } from './wordpress-page';

export const HTML_EVERY = 8;

export interface SyntheticPage {
  fileName: string;
  markup: 'text' | 'html';
  bytes: Uint8Array;
}

export function syntheticPage(article: SyntheticArticle): SyntheticPage {
  const name = `synthetic-${String(article.index).padStart(5, '0')}`;
  return article.index % HTML_EVERY === HTML_EVERY - 1
    ? { fileName: `${name}.html`, markup: 'html', bytes: wordpressHtml(article) }
    : { fileName: `${name}.txt`, markup: 'text', bytes: wordpressPage(article) };
}

export { commentCounts, syntheticArticle, syntheticCorpus } from './synthetic-corpus';
export type { CorpusShape, SyntheticArticle, SyntheticComment } from './synthetic-corpus';
