/**
 * phpBB 3 (prosilver) topic pages as copied text. Each post copies as
 *
 *   author / [rank] / Posts: … / Joined: … / post title ("Re: …") / [Quote] /
 *   [Post] by author » date / text / Top
 *
 * (German: "von name » Do 10. Nov 2016, 15:15", "Nach oben"), so the "by … » …" line anchors
 * a post and the profile lines above it belong to the post's header.
 */
import type { ThreadDraft } from '../types';
import { isActionLine, joinCommentLines } from './comment-cues';
import { PHPBB_QUOTES, splitQuotedLines } from './forum-quotes';
import { threadFromPosts, type ForumPost } from './forum-thread';

const BYLINE =
  /^(?:(?:Post|Beitrag|Сообщение|Message|Mensaje|Messaggio)\s+)?(?:by|von|от|par|por|da|przez|door)\s+(.+?)\s+»\s+(.+)$/u;
const PROFILE =
  /^(?:Posts|Joined|Location|Contact|Beiträge|Registriert|Wohnort|Kontakt|Сообщения|Зарегистрирован|Откуда|Messages|Inscription|Mensajes|Registrado):/u;
const TOP = /^(?:Top|Nach oben|Вернуться к началу|Haut|Arriba|Torna in cima|Góra)$/u;
const LAST_EDITED = /^(?:Last edited by|Zuletzt geändert von|Последний раз редактировалось)\b/u;
const REPLY_TITLE = /^(?:Re|RE|AW|Aw|Ответ|Odp):\s*/u;

interface Anchor {
  line: number;
  author: string;
  date: string;
  /** The post's title line and the first line of its header (profile or title). */
  titleLine: number;
  headerStart: number;
}

/** A reply's post title ("Re: …", German "AW: …"): a page that starts with one is page 2+. */
export function isReplyTitle(title: string): boolean {
  return REPLY_TITLE.test(title);
}

/** The topic title from a post title: "Re: Topic" → "Topic". */
export function topicOf(postTitle: string): string {
  return postTitle.replace(REPLY_TITLE, '');
}

/** A claim needs a "by name » date" line (BYLINE). */
export function mayBePhpbbText(text: string): boolean {
  return text.includes('»');
}

export function detectPhpbbText(lines: readonly string[]): number {
  const anchors = findAnchors(lines);
  if (anchors.length >= 2) return 0.85;
  if (anchors.length === 1) return lines.some((line) => TOP.test(line.trim())) ? 0.6 : 0.4;
  return 0;
}

export function parsePhpbbText(lines: readonly string[]): ThreadDraft {
  const anchors = findAnchors(lines);
  const posts = anchors.map((anchor, index) => {
    const limit = anchors[index + 1]?.headerStart ?? lines.length;
    return toPost(lines.slice(anchor.line + 1, bodyEnd(lines, anchor.line + 1, limit)), anchor);
  });
  const firstTitle = anchors[0] ? lines[anchors[0].titleLine]!.trim() : null;
  const firstIsOpening = firstTitle === null || !isReplyTitle(firstTitle);
  const title = firstTitle ? topicOf(firstTitle) : null;
  const thread = threadFromPosts(posts, title, firstIsOpening);
  const firstReply = anchors[firstIsOpening ? 1 : 0];
  return { ...thread, articleText: lines.slice(0, firstReply?.headerStart).join('\n') };
}

function findAnchors(lines: readonly string[]): Anchor[] {
  const anchors: Anchor[] = [];
  lines.forEach((line, index) => {
    const byline = BYLINE.exec(line.trim());
    if (!byline) return;
    const titleLine = lineAboveSkipping(lines, index, isActionLine);
    const author = byline[1]!.trim();
    anchors.push({
      line: index,
      author,
      date: byline[2]!.trim(),
      titleLine,
      headerStart: headerStart(lines, titleLine, author)
    });
  });
  return anchors;
}

/** Walks up from the title over the profile lines to the author's name, when it is there. */
function headerStart(lines: readonly string[], titleLine: number, author: string): number {
  const aboveProfile = lineAboveSkipping(lines, titleLine, (line) => PROFILE.test(line));
  // The rank, when the user has one, sits between the name and the profile lines.
  for (let above = aboveProfile; above >= Math.max(0, aboveProfile - 2); above--) {
    if (lines[above]!.trim() === author) return above;
  }
  return titleLine;
}

/** The nearest non-blank line above `index` that `skip` does not match (or `index`'s own). */
function lineAboveSkipping(
  lines: readonly string[],
  index: number,
  skip: (line: string) => boolean
): number {
  let above = index - 1;
  while (above > 0 && (lines[above]!.trim() === '' || skip(lines[above]!.trim()))) above--;
  return Math.max(above, 0);
}

function bodyEnd(lines: readonly string[], start: number, limit: number): number {
  for (let index = start; index < limit; index++) {
    const line = lines[index]!.trim();
    if (TOP.test(line) || LAST_EDITED.test(line)) return index;
  }
  return limit;
}

function toPost(body: readonly string[], anchor: Anchor): ForumPost {
  const { own, quotes } = splitQuotedLines(body, PHPBB_QUOTES);
  return {
    author: anchor.author,
    postedAtRaw: anchor.date,
    text: joinCommentLines(own),
    fullText: joinCommentLines(body),
    quotes
  };
}
