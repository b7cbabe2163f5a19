/**
 * schema.org metadata news sites embed as JSON-LD (`<script type="application/ld+json">`):
 * the article's headline, date, author and publisher. The JSON is page content, so it is
 * read defensively: anything malformed or oddly shaped is ignored.
 */
import type { CheerioAPI } from 'cheerio';

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
}

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BlogPosting',
  'WebPage'
]);
/** JSON-LD blocks bigger than this are data dumps, not page metadata. */
const MAX_JSON_LENGTH = 512 * 1024;

export function readJsonLdArticle($: CheerioAPI): JsonLdArticle {
  const found: JsonLdArticle = {
    headline: null,
    datePublished: null,
    author: null,
    publisher: null
  };
  const articles = $('script[type="application/ld+json"]')
    .toArray()
    .flatMap((script) => nodesOf(parseJson($(script).text())))
    .filter(isArticle);
  // Articles before the generic WebPage, so a page's own headline wins.
  articles.sort(
    (a, b) => Number(typeOf(a).includes('WebPage')) - Number(typeOf(b).includes('WebPage'))
  );
  for (const article of articles) {
    found.headline ??= stringOf(article.headline) ?? stringOf(article.name);
    found.datePublished ??= stringOf(article.datePublished);
    found.author ??= nameOf(article.author);
    found.publisher ??= nameOf(article.publisher);
  }
  return found;
}

type JsonObject = Record<string, unknown>;

function parseJson(text: string): unknown {
  if (text.length > MAX_JSON_LENGTH) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Real JSON-LD nests an @graph in an array at most; deeper is hostile or junk. */
const MAX_NESTING = 4;

/** The objects of a JSON-LD value: a single node, an array of nodes, or an @graph. */
function nodesOf(value: unknown, depth = 0): JsonObject[] {
  if (depth > MAX_NESTING) return [];
  if (Array.isArray(value)) return value.flatMap((item) => nodesOf(item, depth + 1));
  if (!isObject(value)) return [];
  const graph = value['@graph'];
  return Array.isArray(graph)
    ? [value, ...graph.flatMap((item) => nodesOf(item, depth + 1))]
    : [value];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter(
    (item): item is string => typeof item === 'string'
  );
}

function isArticle(node: JsonObject): boolean {
  return typeOf(node).some((type) => ARTICLE_TYPES.has(type));
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A Person/Organization, a list of them, or a bare name. */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value
      .map((item) => (isObject(item) ? stringOf(item.name) : stringOf(item)))
      .filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isObject(value)) return stringOf(value.name);
  return stringOf(value);
}
