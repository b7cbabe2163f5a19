/**
 * The article of a saved HTML page, once the comment section is removed: metadata first
 * (Open Graph, schema.org JSON-LD, <time datetime>), then the markup (h1, the article
 * element, or the block holding the most paragraph text), without page furniture.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanBodyText } from './article-text';
import { renderText } from './dom';
import { removeFurniture } from './furniture';
import { readJsonLdArticle } from './json-ld';
import { sourceFromHtml } from './source';
import { normaliseTimestamp } from './timestamp';
import type { ParsedArticle } from './types';

/** Candidates for the article's container, most specific first. */
const CONTAINERS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];
/** A container with less text than this is a teaser or an empty shell, not the article. */
const MIN_CONTAINER_TEXT = 200;
const MAX_BYLINE_LENGTH = 120;

/**
 * Reads the metadata first, then removes furniture from the page (it is not used after
 * this) and renders the container holding the most text.
 */
export function articleFromHtml($: CheerioAPI, commentNodes: readonly AnyNode[]): ParsedArticle {
  if (commentNodes.length > 0) $(commentNodes as AnyNode[]).remove();
  const jsonLd = readJsonLdArticle($);
  const title = firstText(
    meta($, 'og:title'),
    meta($, 'twitter:title'),
    jsonLd.headline,
    $('h1').first().text(),
    $('title').first().text()
  );
  const article = {
    title,
    source: sourceFromHtml($) ?? jsonLd.publisher,
    byline: byline($, jsonLd.author),
    publishedAt: firstTime(
      meta($, 'article:published_time'),
      $('[itemprop="datePublished"]').first().attr('content'),
      $('[itemprop="datePublished"]').first().attr('datetime'),
      jsonLd.datePublished,
      meta($, 'date'),
      $('time[datetime]').first().attr('datetime')
    )
  };
  removeFurniture($);
  return { ...article, body: cleanBodyText(renderText(bodyContainer($)), title) };
}

function meta($: CheerioAPI, key: string): string | undefined {
  return $(`meta[property="${key}"], meta[name="${key}"]`).first().attr('content');
}

function firstText(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const text = candidate?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return null;
}

function firstTime(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const time = normaliseTimestamp(candidate);
    if (time) return time;
  }
  return null;
}

function byline($: CheerioAPI, jsonLdAuthor: string | null): string | null {
  const found = firstText(
    meta($, 'author'),
    meta($, 'article:author'),
    jsonLdAuthor,
    $('[itemprop="author"] [itemprop="name"]').first().text(),
    $('[itemprop="author"], [rel="author"], .byline, .author').first().text()
  );
  const name = found?.replace(/^by\s+/i, '').trim() ?? '';
  // article:author is often a profile URL, and a .byline may hold a whole paragraph.
  return name !== '' && name.length <= MAX_BYLINE_LENGTH && !/^https?:/i.test(name) ? name : null;
}

/** The element holding the article text: a semantic container, else the block with the most paragraph text. */
function bodyContainer($: CheerioAPI): AnyNode {
  for (const selector of CONTAINERS) {
    const best = largest($(selector).toArray());
    if (best && best.length >= MIN_CONTAINER_TEXT) return best.element;
  }
  const paragraphParents = $('p')
    .toArray()
    .map((paragraph) => paragraph.parent)
    .filter((parent): parent is Element => parent?.type === 'tag');
  return largest([...new Set(paragraphParents)])?.element ?? $('body').get(0) ?? $.root().get(0)!;
}

function largest(elements: readonly AnyNode[]): { element: AnyNode; length: number } | null {
  let best: { element: AnyNode; length: number } | null = null;
  for (const element of elements) {
    const length = renderText(element).length;
    if (best === null || length > best.length) best = { element, length };
  }
  return best;
}
