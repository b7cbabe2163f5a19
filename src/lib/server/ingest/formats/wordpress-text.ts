/**
 * WordPress comments in copied page text: "Name says:" (localised), a date line, the text,
 * then "Reply". Nesting only shows when the copy kept indentation or the theme prints
 * "In reply to Name."; otherwise every comment is top level (parent null).
 */
import type { CommentDraft, ThreadDraft } from '../types';
import { joinCommentLines } from './comment-cues';
import { isTimeLine } from './comment-dates';
import { nextFilled, sectionStart, textBefore } from './comment-lines';
import { depthsFromIndents, indentOf, parentsFromHints } from './comment-nesting';

/** "Name says:" as the default themes print it in English, German, Russian and a few more. */
const SAYS = /^(.{1,60}?)\s+(?:says|sagt|говорит|dit|dice|ha detto|pisze|zegt)\s?:$/u;
const REPLY =
  /^(?:(?:Reply|Antworten|Ответить|Répondre|Responder|Rispondi|Odpowiedz)(?: ↓)?|Log in to Reply|Zum Antworten anmelden|Войдите, чтобы ответить\.?)$/iu;
/** What follows the last comment: the reply form, comment paging, post navigation. */
const SECTION_END =
  /^(?:Leave a (?:Reply|Comment)|Comments are closed|Schreibe einen Kommentar|Kommentar verfassen|Kommentare sind geschlossen|Добавить комментарий|Оставьте комментарий|Комментарии закрыты|Post navigation|Beitragsnavigation|Навигация по записям|« Older Comments|Newer Comments »|Ältere Kommentare|Neuere Kommentare)(?:[\s.].*)?$/iu;
/** "3 thoughts on “Title”", "2 Kommentare zu „Titel“", "Comments" above the first comment. */
const SECTION_HEADING =
  /^(?:(?:\d+|One|Ein|Eine|Один|Одна|Одно)\s+(?:thoughts?|responses?|comments?|repl(?:y|ies)|Kommentare?|Gedanken|Antworten|Reaktionen|комментари\p{L}*|мнени\p{L}*|отзыв\p{L}*)(?:\s.*)?|Comments|Responses|Kommentare|Комментарии)$/iu;
const IN_REPLY_TO = /^(?:In reply to|Als Antwort auf|Antwort auf|В ответ на)\s+(.+?)\.?$/iu;
const AWAITING_MODERATION =
  /^(?:Your comment is awaiting moderation|Dein Kommentar muss noch freigegeben werden|Ihr Kommentar wartet auf Freischaltung|Ваш комментарий ожидает проверки)\.?$/iu;

interface Header {
  line: number;
  author: string;
  time: string;
  bodyStart: number;
}

export function scoreWordpressText(lines: readonly string[]): number {
  const headers = findHeaders(lines);
  if (headers.length === 0) return 0;
  const replyLinks = lines.some((line) => REPLY.test(line.trim()));
  if (replyLinks) return 0.9;
  return headers.length >= 2 ? 0.8 : 0.6;
}

export function parseWordpressText(lines: readonly string[]): ThreadDraft {
  const headers = findHeaders(lines);
  if (headers.length === 0) return { comments: [], articleText: textBefore(lines, lines.length) };

  const bodies = headers.map((header, index) =>
    bodyLines(lines, header.bodyStart, headers[index + 1]?.line ?? lines.length)
  );
  const replyTo = bodies.map((body) => IN_REPLY_TO.exec(body[0]?.trim() ?? '')?.[1] ?? null);
  const parents = parentsOf(
    headers.map((header) => indentOf(lines[header.line]!)),
    headers.map((header) => header.author),
    replyTo
  );
  const comments = headers.map((header, index): CommentDraft => ({
    author: header.author,
    postedAtRaw: header.time,
    text: joinCommentLines(replyTo[index] ? bodies[index]!.slice(1) : bodies[index]!),
    parent: parents[index] ?? null
  }));
  const start = sectionStart(lines, headers[0]!.line, (line) => SECTION_HEADING.test(line), 4);
  const title = start < headers[0]!.line ? titleInHeading(lines[start]!) : null;
  return {
    comments,
    articleText: textBefore(lines, start),
    ...(title ? { article: { title } } : {})
  };
}

/** The post title the comments heading quotes: "3 thoughts on “Title”", "2 Kommentare zu „Titel“". */
export function titleInHeading(heading: string): string | null {
  return /[“„«"]([^“”„«»"]+)[”“»"]/u.exec(heading)?.[1]?.trim() || null;
}

/** detect and parse both need the headers; the page's lines are the same array for both. */
const headersOfPage = new WeakMap<readonly string[], readonly Header[]>();
function findHeaders(lines: readonly string[]): readonly Header[] {
  let headers = headersOfPage.get(lines);
  if (!headers) {
    headers = scanHeaders(lines);
    headersOfPage.set(lines, headers);
  }
  return headers;
}

/** A "Name says:" line followed, within a blank line or two, by a date line. */
function scanHeaders(lines: readonly string[]): Header[] {
  const headers: Header[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    // Every "says:" line ends in a colon; most lines do not, and skip the regex.
    if (!trimmed.endsWith(':')) return;
    const author = SAYS.exec(trimmed)?.[1];
    if (!author) return;
    const timeLine = nextFilled(lines, index + 1);
    if (timeLine - index > 3 || !isTimeLine(lines[timeLine] ?? '')) return;
    headers.push({ line: index, author, time: lines[timeLine]!.trim(), bodyStart: timeLine + 1 });
  });
  return headers;
}

/** The comment's lines: up to its "Reply" link, or to the end of the section for the last one. */
function bodyLines(lines: readonly string[], start: number, end: number): string[] {
  const body: string[] = [];
  for (let index = start; index < end; index++) {
    const line = lines[index]!.trim();
    if (REPLY.test(line) || SECTION_END.test(line)) break;
    if (AWAITING_MODERATION.test(line)) continue;
    if (line !== '' || body.length > 0) body.push(line);
  }
  return body;
}

/** Indentation when the copy kept it, else "In reply to Name" naming an earlier author. */
function parentsOf(
  indents: number[],
  authors: readonly string[],
  replyTo: readonly (string | null)[]
): (number | null)[] {
  const depths = depthsFromIndents(indents);
  if (depths) return parentsFromHints(depths.map((depth) => ({ depth, isReply: depth > 0 })));
  return replyTo.map((name, index) => {
    if (name === null || index === 0) return null;
    const parent = authors.lastIndexOf(name, index - 1);
    return parent >= 0 ? parent : null;
  });
}
