/**
 * vBulletin 3/4 thread pages as copied text. Each post copies as
 *
 *   date / #N / author / [user title] / Join Date … Posts … (as "Label: value" or label and
 *   value lines) / [post title "Re: …"] / text / [signature after "______"] / Reply With Quote
 *
 * so `#N` followed by an author and user details anchors a post.
 */
import type { ThreadDraft } from '../types';
import { isActionLine, joinCommentLines } from './comment-cues';
import { isTimeLine } from './comment-dates';
import { splitQuotedLines, VBULLETIN_QUOTES } from './forum-quotes';
import { threadFromPosts, type ForumPost } from './forum-thread';

const POST_NUMBER = /^#\s?(\d[\d,.]*)$/u;
const USER_INFO =
  /^(?:Join Date|Location|Posts|Age|Rep Power|Thanks|Gender|Registriert seit|Ort|Beiträge|Alter|Регистрация|Адрес|Сообщений|Сообщения|Возраст|Inscrit|Messages|Fecha de Ingreso|Mensajes)(?::\s*.*)?$/u;
const POST_TITLE = /^(?:Re|AW|Aw|Antw|Ответ|RE):\s/u;
const SIGNATURE = /^_{6,}$/u;
const LAST_EDITED =
  /^(?:Last edited by|Zuletzt bearbeitet von|Последний раз редактировалось|Dernière modification par)\b/u;
const THREAD_LABEL = /^(?:Thread|Thema|Тема|Discussion|Tema):\s+(.+)$/u;

interface Anchor {
  numberLine: number;
  number: number;
  /** First line after the user details: post title or text. */
  contentStart: number;
}

/** A user-details line vBulletin prints under the author ("Join Date: Mar 2009", "Posts"). */
export function isVbulletinUserInfo(line: string): boolean {
  return USER_INFO.test(line.trim());
}

/** A claim needs a "#N" (or "# N") post number line (POST_NUMBER). */
export function mayBeVbulletinText(text: string): boolean {
  return /#\s?\d/u.test(text);
}

export function detectVbulletinText(lines: readonly string[]): number {
  const anchors = findAnchors(lines);
  if (anchors.length >= 2) return 0.85;
  return anchors.length === 1 ? 0.6 : 0;
}

export function parseVbulletinText(lines: readonly string[]): ThreadDraft {
  const anchors = findAnchors(lines);
  const threadLine = lines.find((line) => THREAD_LABEL.test(line.trim()));
  let title = threadLine ? THREAD_LABEL.exec(threadLine.trim())![1]! : null;
  const posts = anchors.map((anchor, index) => {
    const next = anchors[index + 1];
    const limit = next ? dateLineAbove(lines, next.numberLine) : lines.length;
    let start = anchor.contentStart;
    const firstLine = lines[start]?.trim() ?? '';
    // vBulletin 3 repeats the thread title as the first post's title; replies say "Re: …".
    if (POST_TITLE.test(firstLine)) start++;
    else if (index === 0 && anchor.number === 1 && appearsEarlier(lines, firstLine, start)) {
      title ??= firstLine;
      start++;
    }
    const body = lines.slice(start, bodyEnd(lines, start, limit));
    const dateLine = dateLineAbove(lines, anchor.numberLine);
    return toPost(body, lines[anchor.numberLine + 1]!.trim(), lines[dateLine]?.trim() ?? null);
  });
  const firstIsOpening = anchors.length > 0 && anchors[0]!.number === 1;
  const thread = threadFromPosts(posts, title, firstIsOpening);
  const firstReply = anchors[firstIsOpening ? 1 : 0];
  const articleEnd = firstReply ? dateLineAbove(lines, firstReply.numberLine) : lines.length;
  return { ...thread, articleText: lines.slice(0, articleEnd).join('\n') };
}

/** `#N`, then an author line, then user details within a few lines. */
function findAnchors(lines: readonly string[]): Anchor[] {
  const anchors: Anchor[] = [];
  lines.forEach((line, index) => {
    const number = POST_NUMBER.exec(line.trim());
    if (!number || (lines[index + 1] ?? '').trim() === '') return;
    const details = userDetailsEnd(lines, index + 2);
    if (details < 0) return;
    anchors.push({
      numberLine: index,
      number: Number(number[1]!.replace(/[,.]/g, '')),
      contentStart: skipBlank(lines, details)
    });
  });
  return anchors;
}

/**
 * The line after the user details that start within a few lines of `from` (after the user
 * title), or -1. "Posts" on a line of its own is a label whose value is the next line.
 */
function userDetailsEnd(lines: readonly string[], from: number): number {
  let cursor = from;
  while (cursor < from + 3 && cursor < lines.length && !isVbulletinUserInfo(lines[cursor]!))
    cursor++;
  if (cursor >= lines.length || !isVbulletinUserInfo(lines[cursor]!)) return -1;
  while (cursor < lines.length && isVbulletinUserInfo(lines[cursor]!))
    cursor += lines[cursor]!.includes(':') ? 1 : 2;
  return cursor;
}

function bodyEnd(lines: readonly string[], start: number, limit: number): number {
  for (let index = start; index < limit; index++) {
    const line = lines[index]!.trim();
    if (isActionLine(line) || SIGNATURE.test(line) || LAST_EDITED.test(line)) return index;
  }
  return limit;
}

/** The post's date sits just above its number. */
function dateLineAbove(lines: readonly string[], numberLine: number): number {
  for (let index = numberLine - 1; index >= Math.max(0, numberLine - 3); index--) {
    if (isTimeLine(lines[index]!)) return index;
  }
  return numberLine;
}

function skipBlank(lines: readonly string[], index: number): number {
  while (index < lines.length && lines[index]!.trim() === '') index++;
  return index;
}

function appearsEarlier(lines: readonly string[], line: string, before: number): boolean {
  return line !== '' && lines.slice(0, before).some((earlier) => earlier.trim() === line);
}

function toPost(body: readonly string[], author: string, postedAtRaw: string | null): ForumPost {
  const { own, quotes } = splitQuotedLines(body, VBULLETIN_QUOTES);
  return {
    author,
    postedAtRaw: postedAtRaw && isTimeLine(postedAtRaw) ? postedAtRaw : null,
    text: joinCommentLines(own),
    fullText: joinCommentLines(body),
    quotes
  };
}
