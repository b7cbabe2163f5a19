/**
 * The generic fallback on saved HTML: an unknown comment system still renders each comment
 * as one element of a repeated kind (same tag, same classes), each holding an author-ish
 * element, a time-ish element and text. The repeated kind must also look like comments (a
 * comment-ish class or id nearby, or a reply control in most of them), which keeps lists of
 * related-article teasers (byline, date, blurb) out.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isActionLine, isCountLine, isReplyLine } from './comment-cues';
import { renderText } from '../dom';

export const AUTHOR =
  '[itemprop="author"], [rel="author"], cite, [class*="author" i], [class*="user" i], [class*="nick" i]';
export const TIME =
  'time, [datetime], [class*="date" i], [class*="time" i], [itemprop="dateCreated"], [itemprop="datePublished"]';
const CANDIDATE = new Set(['article', 'li', 'div', 'section']);
/** Elements that hold a whole page, never just its comment section. */
export const PAGE_LEVEL = new Set(['html', 'body', 'main', 'article']);
/** How far up from an author or time element a comment's own element may be. */
const MAX_LEVELS = 6;
export const COMMENTISH =
  /comment|reply|replies|respon|discuss|kommentar|antwort|коммент|ответ|commento|komentarz/i;
/** Class tokens that vary between comments of one kind: state, parity, depth, ids. */
const VARYING_CLASS =
  /\d|^(?:odd|even|alt|first|last|new|unread|active|selected|highlighted|bypostauthor|byuser|parent|has-children|collapsed|expanded|deleted)$/i;

export interface CommentGroup {
  members: Element[];
  memberSet: Set<AnyNode>;
}

/** detect and parse both need the group; finding it walks the whole page once. */
const groupsByPage = new WeakMap<CheerioAPI, CommentGroup | null>();

/** The repeated comment elements of the page, or null when there are none. */
export function findCommentGroup($: CheerioAPI): CommentGroup | null {
  if (!groupsByPage.has($)) groupsByPage.set($, searchCommentGroup($));
  return groupsByPage.get($) ?? null;
}

/** Where the author, time, headline and reply elements are: each maps an ancestor to one. */
interface PageCues {
  nearAuthor: Map<Element, AnyNode>;
  nearTime: Map<Element, AnyNode>;
  nearHeadline: Map<Element, AnyNode>;
  nearReply: Map<Element, AnyNode>;
}

function searchCommentGroup($: CheerioAPI): CommentGroup | null {
  const cues = indexCues($);
  let best: CommentGroup | null = null;
  for (const members of groupBySignature($, cues).values()) {
    // Filtering only shrinks a group: one smaller than the best so far cannot win.
    if (members.length < Math.max(2, best?.members.length ?? 0)) continue;
    const kept = members.filter(
      (node) =>
        !cues.nearHeadline.has(node) &&
        hasWords(node, [cues.nearAuthor.get(node)!, cues.nearTime.get(node)!])
    );
    if (kept.length < 2 || !looksLikeComments($, kept, cues.nearReply)) continue;
    // The most comments wins; of a comment's wrapper and its inner box, the inner one.
    const better =
      best === null ||
      kept.length > best.members.length ||
      (kept.length === best.members.length && depthOf($, kept[0]!) > depthOf($, best.members[0]!));
    if (better) best = { members: kept, memberSet: new Set(kept) };
  }
  return best;
}

function indexCues($: CheerioAPI): PageCues {
  // Teasers carry headlines; comments do not (a heading that holds the author's name is fine).
  const headlines = $('h1, h2, h3')
    .toArray()
    .filter((heading) => !$(heading).is(AUTHOR) && $(heading).find(AUTHOR).length === 0);
  const replies = $('a, button')
    .toArray()
    .filter((control) => isReplyLine(renderText(control)));
  return {
    nearAuthor: ancestorsOf($, $(AUTHOR).toArray()),
    nearTime: ancestorsOf($, $(TIME).toArray()),
    nearHeadline: ancestorsOf($, headlines),
    nearReply: ancestorsOf($, replies)
  };
}

/** Elements holding an author and a time, by kind, each kind in document order. */
function groupBySignature($: CheerioAPI, cues: PageCues): Map<string, Element[]> {
  const groups = new Map<string, Element[]>();
  for (const node of $([...CANDIDATE].join(', ')).toArray()) {
    if (node.type !== 'tag' || !cues.nearAuthor.has(node) || !cues.nearTime.has(node)) continue;
    const key = signature(node);
    const group = groups.get(key);
    if (group) group.push(node);
    else groups.set(key, [node]);
  }
  return groups;
}

/** Candidate elements a few levels above any of `nodes`, each with the first of them it holds. */
function ancestorsOf($: CheerioAPI, nodes: AnyNode[]): Map<Element, AnyNode> {
  const found = new Map<Element, AnyNode>();
  for (const node of nodes) {
    const up = $(node).parents().slice(0, MAX_LEVELS).toArray();
    for (const ancestor of [node, ...up]) {
      if (ancestor.type === 'tag' && CANDIDATE.has(ancestor.name) && !found.has(ancestor))
        found.set(ancestor, node);
    }
  }
  return found;
}

function signature(node: Element): string {
  const classes = (node.attribs.class ?? '')
    .split(/\s+/)
    .filter((token) => token !== '' && !VARYING_CLASS.test(token))
    .sort()
    .join('.');
  if (classes !== '') return `${node.name}.${classes}`;
  const parent = node.parent;
  const parentKey = parent && parent.type === 'tag' ? signature(parent) : 'root';
  return `${node.name}<${parentKey}`;
}

/**
 * A comment has words besides its author and time: a header row holding just the two
 * (`div.meta`) repeats like a comment but is not one.
 */
function hasWords(node: Element, header: readonly AnyNode[]): boolean {
  let rest = renderText(node);
  for (const part of header) rest = rest.replace(renderText(part), '');
  return rest
    .split('\n')
    .some((line) => line.trim().length > 1 && !isActionLine(line) && !isCountLine(line));
}

/**
 * Named like comments (the element or one of its close containers; a page-level element's
 * classes, such as WordPress's `body.comments-open`, say nothing about this list), or most
 * of them offer a reply.
 */
function looksLikeComments(
  $: CheerioAPI,
  members: Element[],
  nearReply: ReadonlyMap<Element, AnyNode>
): boolean {
  const named = members.some((node) =>
    [node, ...$(node).parents().slice(0, MAX_LEVELS).toArray()].some(
      (element) =>
        element.type === 'tag' &&
        !PAGE_LEVEL.has(element.name) &&
        COMMENTISH.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`)
    )
  );
  const replyable = members.filter((node) => nearReply.has(node)).length;
  return named || replyable * 2 >= members.length;
}

function depthOf($: CheerioAPI, node: AnyNode): number {
  return $(node).parents().length;
}
