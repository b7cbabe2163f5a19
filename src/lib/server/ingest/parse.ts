/**
 * parseDocument: a saved page or copied page text in, the article and its comments out.
 * Pure, no I/O. The steps: decode the bytes (decode.ts) → text or HTML (page.ts), refusing
 * cut-off HTML (truncation.ts) and HTML nested too deep to parse in reasonable time
 * (nesting.ts) → the comment format that claims the page (registry.ts) and
 * its ThreadDraft → the article (article.ts) and the comments, normalised here.
 */
import { extractArticle } from './article';
import { decodeDocument, MAX_DOCUMENT_BYTES } from './decode';
import { IngestError, isIngestError } from './errors';
import { refuseDeepNesting } from './nesting';
import { buildPage, detectMarkup } from './page';
import { pickFormat } from './registry';
import { parentsFromDepths } from './thread';
import { normaliseTimestamp, parseTimestamp } from './timestamp';
import { refuseTruncatedHtml } from './truncation';
import type {
  CommentDraft,
  CommentFormat,
  Page,
  ParsedComment,
  ParsedDocument,
  ThreadDraft
} from './types';

export { MAX_DOCUMENT_BYTES };

export interface ParseOptions {
  /** Refuse documents larger than this many bytes (UTF-8 bytes for string input). */
  maxBytes?: number;
}

/** Throws IngestError for every input it cannot turn into a ParsedDocument, never anything else. */
export function parseDocument(
  input: Uint8Array | string,
  options: ParseOptions = {}
): ParsedDocument {
  const { text, encoding } = decodeDocument(input, options.maxBytes ?? MAX_DOCUMENT_BYTES);
  const markup = detectMarkup(text);
  if (markup === 'html') {
    refuseTruncatedHtml(text);
    refuseDeepNesting(text);
  }
  return asIngestError(() => {
    const page = buildPage(text, markup);
    const choice = pickFormat(page);
    const draft: ThreadDraft = choice ? runFormat(choice.format, page) : { comments: [] };
    return {
      format: choice?.format.id ?? 'none',
      markup,
      encoding,
      article: extractArticle(page, draft),
      comments: toComments(draft.comments)
    };
  }, 'the parser core');
}

function runFormat(format: CommentFormat, page: Page): ThreadDraft {
  return asIngestError(() => format.parse(page), `the ${format.name} comment parser`);
}

/**
 * A failure past decoding is a bug or a pathological page, not the user's doing; it
 * becomes `unparseable` so the document is kept and marked failed with the reason shown.
 */
function asIngestError<T>(work: () => T, what: string): T {
  try {
    return work();
  } catch (error) {
    if (isIngestError(error)) throw error;
    if (error instanceof RangeError)
      throw new IngestError(
        'unparseable',
        `The page is too deeply nested or too large for ${what} (${error.message}). ` +
          'Save a simpler copy: select the page text and paste it.',
        { cause: error }
      );
    throw new IngestError(
      'unparseable',
      `Parsing failed in ${what} (${String(error)}). This is a bug in threadwatch; ` +
        'please report it with the file.',
      { cause: error }
    );
  }
}

function toComments(drafts: readonly CommentDraft[]): ParsedComment[] {
  const depthParents = parentsFromDepths(drafts.map((draft) => draft.depth ?? 0));
  return drafts.map((draft, index) => {
    const postedAtRaw = draft.postedAtRaw ?? null;
    const parent =
      draft.parent !== undefined
        ? draft.parent
        : draft.depth !== undefined
          ? depthParents[index]
          : null;
    return {
      author: draft.author ?? null,
      postedAt:
        normaliseTimestamp(draft.postedAt) ??
        (postedAtRaw === null ? null : parseTimestamp(postedAtRaw)),
      postedAtRaw,
      parent: isEarlierIndex(parent, index) ? parent : null,
      text: draft.text
    };
  });
}

/** A parent must be an earlier comment; anything else is a format bug, shown as top level. */
function isEarlierIndex(parent: number | null | undefined, index: number): parent is number {
  return typeof parent === 'number' && Number.isInteger(parent) && parent >= 0 && parent < index;
}
