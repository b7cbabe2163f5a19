/**
 * Quotes of earlier posts in copied forum text. Copying loses the quote box, but each forum
 * prints a header that names the quoted author ("Bob said:", "Bob wrote:", "Originally
 * Posted by Bob") and a browser copies the box as its own paragraph, so a quote runs from
 * its header to its closing line ("Click to expand...") or, without one, to a blank line.
 */
import type { QuoteRef } from './forum-thread';

export interface QuoteSyntax {
  /** A line that opens a quote; group 1 is the quoted author. */
  header: RegExp;
  /** A line that labels a quote box without naming anyone ("Quote:"). */
  label?: RegExp;
  /** A line that closes a quote box. */
  end?: RegExp;
}

export const XENFORO_QUOTES: QuoteSyntax = {
  header:
    /^(.+?) (?:said|hat gesagt|сказал\(а\)|сказал|сказала|a dit|dijo|ha detto|napisał\(a\)):$/u,
  end: /^(?:Click to expand|Zum Erweitern klicken|Нажмите для раскрытия|Нажмите, чтобы раскрыть|Cliquez pour agrandir|Haz clic para expandir)\.\.\.$/u
};

export const PHPBB_QUOTES: QuoteSyntax = {
  header:
    /^(.+?) (?:wrote|hat geschrieben|писал\(а\)|писал|написал\(а\)|a écrit|escribió|ha scritto|napisał\(a\)) ?:(?:\s*↑.*)?$/u
};

export const VBULLETIN_QUOTES: QuoteSyntax = {
  header:
    /^(?:Originally Posted by|Zitat von|Сообщение от|Citation de|Cita de|Messaggio originale di) (.+?)$/u,
  label: /^(?:Quote|Zitat|Цитата|Citation|Cita|Quota):$/u
};

/**
 * Splits a post's lines into its own lines and the quotes it embeds. A quote whose end the
 * copy does not show (no closing line, no blank line before the next text) stays in the
 * text, header included, so that no words of the poster are lost; it still counts as a
 * quote for the reply's parent.
 */
export function splitQuotedLines(
  lines: readonly string[],
  syntax: QuoteSyntax
): { own: string[]; quotes: QuoteRef[] } {
  const own: string[] = [];
  const quotes: QuoteRef[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!.trim();
    const labelled = syntax.label?.test(line) ?? false;
    const header = syntax.header.exec(labelled ? (lines[index + 1] ?? '').trim() : line);
    if (!header && !labelled) {
      own.push(lines[index]!);
      index++;
      continue;
    }
    quotes.push({ author: header ? header[1]!.trim() : null, postId: null });
    const bodyStart = skipBlank(lines, index + (labelled ? 1 : 0) + (header ? 1 : 0));
    const end = quoteEnd(lines, bodyStart, syntax);
    if (end === null) {
      own.push(...lines.slice(index));
      break;
    }
    index = end;
  }
  return { own, quotes };
}

/**
 * Index of the first line after the quote whose body starts at `start`, or null when the
 * copy does not show where it ends. A quote that opens with another quote (a quote of a
 * quote) ends at its closing line; otherwise the next quote header bounds the search.
 */
function quoteEnd(lines: readonly string[], start: number, syntax: QuoteSyntax): number | null {
  const nested = syntax.header.test((lines[start] ?? '').trim());
  const bound = (index: number): boolean =>
    !nested && index > start && syntax.header.test(lines[index]!.trim());
  if (syntax.end) {
    for (let index = start; index < lines.length && !bound(index); index++) {
      if (syntax.end.test(lines[index]!.trim())) return index + 1;
    }
  }
  for (let index = start; index < lines.length && !bound(index); index++) {
    if (lines[index]!.trim() === '') return index;
  }
  return null;
}

function skipBlank(lines: readonly string[], index: number): number {
  while (index < lines.length && lines[index]!.trim() === '') index++;
  return index;
}
