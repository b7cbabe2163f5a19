/**
 * XenForo 2 thread pages as copied text. Each post copies as
 *
 *   author / user title / [Joined, Messages … pairs] / date / #N / text / [Last edited: …] /
 *   Like, +Quote, Reply, Report (and a reactions line)
 *
 * so the `#N` line after a date anchors a post: its text runs to the first control line,
 * and the next post's author is the first line after those controls.
 */
import type { ThreadDraft } from '../types';
import { isActionLine, isNameLine, joinCommentLines } from './comment-cues';
import { isTimeLine } from './comment-dates';
import { splitQuotedLines, XENFORO_QUOTES } from './forum-quotes';
import { threadFromPosts, type ForumPost } from './forum-thread';
import { isVbulletinUserInfo } from './forum-vbulletin-text';

const POST_NUMBER = /^#(\d[\d,.]*)$/u;
const STARTER =
  /^(?:Thread starter|Ersteller|Themenstarter|Автор темы|Créateur du sujet|Iniciador del tema)\s+(.+)$/u;
const USER_EXTRA_LABEL =
  /^(?:Joined|Messages|Reaction score|Points|Location|Age|Registriert|Beiträge|Reaktionspunkte|Punkte|Ort|Alter|Регистрация|Сообщения|Реакции|Баллы|Адрес|Возраст)$/u;
const USER_TITLE =
  /^(?:New member|Member|Active member|Well-known member|Banned|Moderator|Staff member|Administrator|Neues Mitglied|Mitglied|Aktives Mitglied|Bekanntes Mitglied|Gesperrt|Новичок|Участник|Активный участник|Известный участник|Заблокирован|Модератор|Администратор)$/u;
const LAST_EDITED =
  /^(?:Last edited|Zuletzt bearbeitet|Последнее редактирование|Dernière édition|Última edición)\b/u;
const REACTIONS =
  /^(?:Reactions|Reaktionen|Реакции):|\b(?:and \d+ others?|und \d+ weitere|и ещё \d+)\b|(?:like this|gefällt das|нравится это)\.?$/u;

interface Anchor {
  numberLine: number;
  dateLine: number;
  number: number;
}

/** A claim needs a "#N" post number line (POST_NUMBER). */
export function mayBeXenforoText(text: string): boolean {
  return /#\d/.test(text);
}

export function detectXenforoText(lines: readonly string[]): number {
  const anchors = findAnchors(lines);
  if (anchors.length === 0) return 0;
  const starter = lines.some((line) => STARTER.test(line.trim()));
  if (anchors.length >= 2) return starter ? 0.9 : 0.8;
  // One "date / #1" pair could be chance; the "Thread starter" line makes it a thread.
  return starter ? 0.6 : 0.3;
}

export function parseXenforoText(lines: readonly string[]): ThreadDraft {
  const anchors = findAnchors(lines);
  const starterIndex = lines.findIndex((line) => STARTER.test(line.trim()));
  const starter = starterIndex >= 0 ? STARTER.exec(lines[starterIndex]!.trim())![1]! : null;
  const posts: ForumPost[] = [];
  const headerStarts: number[] = [];
  let headerStart = Math.max(starterIndex + 1, 0);
  anchors.forEach((anchor, index) => {
    const next = anchors[index + 1];
    const bodyEnd = findBodyEnd(lines, anchor.numberLine + 1, next ? next.dateLine : lines.length);
    const author =
      index === 0 && starter ? starter : authorInHeader(lines, headerStart, anchor.dateLine);
    headerStarts.push(headerStart);
    posts.push(
      toPost(lines.slice(anchor.numberLine + 1, bodyEnd), author, lines[anchor.dateLine]!)
    );
    headerStart = afterFooter(lines, bodyEnd);
  });
  const firstIsOpening = anchors.length > 0 && anchors[0]!.number === 1;
  const title = starterIndex > 0 ? lineAbove(lines, starterIndex) : null;
  const thread = threadFromPosts(posts, title, firstIsOpening);
  const articleEnd = headerStarts[firstIsOpening ? 1 : 0] ?? lines.length;
  return { ...thread, articleText: lines.slice(0, articleEnd).join('\n') };
}

/** `#N` lines with a date just above (skipping icons such as "Add bookmark"), not vBulletin's. */
function findAnchors(lines: readonly string[]): Anchor[] {
  const anchors: Anchor[] = [];
  lines.forEach((line, index) => {
    const number = POST_NUMBER.exec(line.trim());
    if (!number) return;
    const dateLine = [1, 2, 3]
      .map((back) => index - back)
      .find((above) => above >= 0 && isTimeLine(lines[above]!));
    if (dateLine === undefined) return;
    const following = lines.slice(index + 1, index + 6);
    if (following.some(isVbulletinUserInfo)) return;
    anchors.push({ numberLine: index, dateLine, number: Number(number[1]!.replace(/[,.]/g, '')) });
  });
  return anchors;
}

/** A post's text ends at its first control line or "Last edited" note. */
function findBodyEnd(lines: readonly string[], start: number, limit: number): number {
  for (let index = start; index < limit; index++) {
    const line = lines[index]!.trim();
    if (isActionLine(line) || LAST_EDITED.test(line) || REACTIONS.test(line)) return index;
  }
  return limit;
}

/** The first line after a post's controls and notes: where the next post's header starts. */
function afterFooter(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && isFooterLine(lines[index]!.trim())) index++;
  return index;
}

function isFooterLine(line: string): boolean {
  return line === '' || isActionLine(line) || LAST_EDITED.test(line) || REACTIONS.test(line);
}

/**
 * The author in a post header (`from` … the date line): walk up from the date over the
 * user's extras ("Joined" / date pairs) to the user title and the name above it. Lines
 * before the name (an avatar letter, a deleted post's notice) are not name-like.
 */
function authorInHeader(lines: readonly string[], from: number, dateLine: number): string | null {
  const header = lines
    .slice(from, dateLine)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  let last = header.length - 1;
  while (last >= 1 && USER_EXTRA_LABEL.test(header[last - 1]!)) last -= 2;
  const candidate = header[last];
  const above = header[last - 1];
  if (candidate === undefined) return null;
  if (USER_TITLE.test(candidate)) return above ?? null;
  // A custom user title under the name, or no title at all.
  return above !== undefined && isNameLine(above) ? above : candidate;
}

function lineAbove(lines: readonly string[], index: number): string | null {
  for (let above = index - 1; above >= 0; above--) {
    const line = lines[above]!.trim();
    if (line !== '') return line;
  }
  return null;
}

function toPost(body: readonly string[], author: string | null, dateLine: string): ForumPost {
  const shown = body.filter((line) => !XENFORO_QUOTES.end!.test(line.trim()));
  const { own, quotes } = splitQuotedLines(body, XENFORO_QUOTES);
  return {
    author,
    postedAtRaw: dateLine.trim(),
    text: joinCommentLines(own),
    fullText: joinCommentLines(shown),
    quotes
  };
}
