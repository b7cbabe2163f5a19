/**
 * The parser's contract. `parseDocument` (parse.ts) turns bytes into a ParsedDocument;
 * each comment system in formats/ turns a Page into a ThreadDraft, and the core fills in
 * the rest (article extraction, boilerplate removal, timestamp normalisation).
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

export type Markup = 'text' | 'html';

export interface ParsedArticle {
  title: string | null;
  body: string;
  /** The outlet, when the page shows it (og:site_name, a known site signature). */
  source: string | null;
  byline: string | null;
  /** ISO 8601, when the page gives a date the parser can read. */
  publishedAt: string | null;
}

export interface ParsedComment {
  author: string | null;
  /** ISO 8601 (UTC), when postedAtRaw is an absolute date or a machine-readable attribute exists. */
  postedAt: string | null;
  /** The timestamp exactly as the page shows it ("3 hours ago", "10. November 2016 um 15:15 Uhr"). */
  postedAtRaw: string | null;
  /** 0-based index of the comment this one replies to, or null. Always < own index. */
  parent: number | null;
  /** The comment's text with its raw punctuation: `(((name)))` is evidence for the classifier. */
  text: string;
}

export interface ParsedDocument {
  /** The comment system that was recognised (formats/*.ts `id`), or 'none' when the page has no comment section. */
  format: string;
  markup: Markup;
  encoding: string;
  article: ParsedArticle;
  comments: ParsedComment[];
}

/** A decoded page handed to the format modules. `lines` never contain '\n'. */
export interface TextPage {
  markup: 'text';
  text: string;
  lines: string[];
}

/**
 * A saved page: formats read its DOM. Its rendered text is made in advance only where
 * the DOM names no outlet (rendering was a tenth of a saved page's parse, and only the
 * article's source fallback reads it): see renderedPageText in page.ts.
 */
export interface HtmlPage {
  markup: 'html';
  $: CheerioAPI;
  /** The decoded markup the DOM was built from. */
  html: string;
  /** The page rendered before any format read it, where it is likely to be needed. */
  rendered?: string;
}

export type Page = TextPage | HtmlPage;

/** One comment as a format module finds it; parse.ts turns drafts into ParsedComments. */
export interface CommentDraft {
  author: string | null;
  text: string;
  postedAtRaw: string | null;
  /** Set when the page has a machine-readable time (`<time datetime>`, a unix timestamp). */
  postedAt?: string | null;
  /** Either parent (an index into the drafts) or depth (0 = top level) may be given; see thread.ts. */
  parent?: number | null;
  depth?: number;
}

export interface ThreadDraft {
  comments: CommentDraft[];
  /** Fields the format itself knows (a forum's opening post is the article; ZeroHedge's byline). */
  article?: Partial<ParsedArticle>;
  /** Text pages: the text before the comment section, from which the core extracts title and body. */
  articleText?: string;
  /** HTML pages: elements that hold the comment section, removed before the core extracts the article. */
  commentNodes?: AnyNode[];
}

export interface CommentFormat {
  /** Stable id stored with the document, e.g. 'zerohedge', 'reddit-old'. */
  id: string;
  /** Human name shown in the UI. */
  name: string;
  /**
   * The most evidence detect() can return on each kind of page (the registry clamps to it).
   * Once a format earlier in the registry scores this much, this one cannot win and is not run.
   */
  maxEvidence: Readonly<Record<Markup, number>>;
  /**
   * A cheap necessary condition, checked once per page before detect(): false only where
   * detect(page) would score under the registry's MIN_EVIDENCE, because a marker every claim
   * needs (a time word, a handle) is nowhere in the page's text. Absent: always run detect().
   */
  mayClaim?(page: Page): boolean;
  /**
   * Evidence that the page uses this comment system, 0..1. Cheap and side-effect free:
   * the registry calls it on every page that mayClaim passes while this format could still
   * beat the best evidence so far.
   */
  detect(page: Page): number;
  /** Must not throw on any page detect() scored above zero; returns zero comments rather than guessing. */
  parse(page: Page): ThreadDraft;
}
