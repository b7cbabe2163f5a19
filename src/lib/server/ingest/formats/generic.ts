/**
 * The fallback for pages no specific format claims (the registry runs it last). It looks
 * for comments by their repeated shape: in HTML, elements of one repeated kind that each
 * hold an author, a time and text (generic-html.ts); in copied text, repeated
 * name / time / text / Reply blocks (generic-text.ts). A page without that repetition, such
 * as a plain article, yields no comments.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { renderText } from '../dom';
import type { CommentDraft, CommentFormat, HtmlPage, Page, ThreadDraft } from '../types';
import { isActionLine } from './comment-cues';
import { isoFromAttribute, isTimeLine } from './comment-dates';
import {
  AUTHOR,
  COMMENTISH,
  findCommentGroup,
  PAGE_LEVEL,
  TIME,
  type CommentGroup
} from './generic-html';
import { detectGenericText, mayBeGenericText, parseGenericText } from './generic-text';

/** Elements that typically box a comment's words. */
const CONTENT =
  '[itemprop="text"], [class*="content" i], [class*="text" i], [class*="body" i], [class*="message" i]';

export const generic: CommentFormat = {
  id: 'generic',
  name: 'Generic (repeated author/date/reply blocks)',
  maxEvidence: { text: 0.8, html: 0.7 },
  mayClaim: (page) => page.markup === 'html' || mayBeGenericText(page.text),
  detect: (page: Page) =>
    page.markup === 'html' ? detectHtml(page) : detectGenericText(page.lines),
  parse: (page: Page): ThreadDraft =>
    page.markup === 'html' ? parseHtml(page) : parseGenericText(page.lines)
};

function detectHtml({ $ }: HtmlPage): number {
  const group = findCommentGroup($);
  if (!group) return 0;
  return group.members.length >= 3 ? 0.7 : 0.55;
}

function parseHtml({ $ }: HtmlPage): ThreadDraft {
  const group = findCommentGroup($);
  if (!group) return { comments: [] };
  // The elements that wrap a comment: where one encloses another comment, that is a reply.
  const wrappers = new Set<AnyNode | null>(group.members.map((member) => member.parent));
  const comments = group.members.map((member) => ({
    ...toComment($, group, member),
    depth: depthIn($, group, wrappers, member)
  }));
  return { comments, commentNodes: [commentSection($, group.members)] };
}

function toComment($: CheerioAPI, group: CommentGroup, member: Element): CommentDraft {
  const own = (selector: string): Element[] =>
    $(member)
      .find(selector)
      .toArray()
      .filter((node) => ownerOf($, group, node) === member);
  const author = shortest(own(AUTHOR).filter((node) => renderText(node).length <= 60));
  const times = own(TIME);
  const time =
    times.find((node) => isTimeLine(renderText(node)) || node.attribs.datetime !== undefined) ??
    times[0];
  const header = [author, time].filter((node): node is Element => node !== undefined);
  const related = (node: AnyNode, other: AnyNode): boolean =>
    node === other || $.contains(node, other) || $.contains(other, node);
  const box = longest(
    own(CONTENT).filter(
      (node) =>
        !header.some((part) => related(node, part)) &&
        !$(node)
          .find('*')
          .toArray()
          .some((inner) => group.memberSet.has(inner))
    )
  );
  const excluded = (node: AnyNode): boolean =>
    header.some((part) => part === node) || (node !== member && group.memberSet.has(node));
  return {
    author: author ? renderText(author) : null,
    postedAtRaw: time ? renderText(time) || null : null,
    postedAt: time ? isoFromAttribute(time.attribs.datetime) : null,
    text: box ? withoutControls($, box) : withoutControls($, member, excluded)
  };
}

/** The member a node belongs to: its nearest enclosing member. */
function ownerOf($: CheerioAPI, group: CommentGroup, node: AnyNode): AnyNode | undefined {
  return $(node)
    .parents()
    .toArray()
    .find((ancestor) => group.memberSet.has(ancestor));
}

/**
 * Reply depth. Where comments nest inside comments, the enclosing comments count; where
 * each comment is an inner box of a wrapper (`li > div.comment`, replies in `li > ul > li`),
 * the wrappers of other comments enclosing this one count.
 */
function depthIn(
  $: CheerioAPI,
  group: CommentGroup,
  wrappers: ReadonlySet<AnyNode | null>,
  member: Element
): number {
  const ancestors = $(member).parents().toArray();
  const enclosing = ancestors.filter((node) => group.memberSet.has(node)).length;
  if (enclosing > 0) return enclosing;
  return ancestors.slice(1).filter((node) => wrappers.has(node)).length;
}

/**
 * The text under `root` without reply/like controls and without `excluded` subtrees (the
 * author and time, nested comments), keeping block structure where nothing is cut.
 */
function withoutControls(
  $: CheerioAPI,
  root: AnyNode,
  excluded: (node: AnyNode) => boolean = () => false
): string {
  const isControl = (node: AnyNode): boolean =>
    node.type === 'tag' &&
    (node.name === 'a' || node.name === 'button') &&
    isActionLine(renderText(node));
  const skip = (node: AnyNode): boolean => excluded(node) || isControl(node);
  const kept = (node: AnyNode): AnyNode[] => {
    if (node !== root && skip(node)) return [];
    const cut = $(node)
      .find('*')
      .toArray()
      .some((inner) => skip(inner));
    if (!cut) return [node];
    return 'children' in node ? node.children.flatMap(kept) : [];
  };
  return renderText(kept(root));
}

/** The author element with the least text: the name itself, not "Name says:" around it. */
function shortest(nodes: Element[]): Element | undefined {
  const named = nodes.filter((node) => renderText(node) !== '');
  return named.sort((a, b) => renderText(a).length - renderText(b).length)[0];
}

/** The content box with the most text: the comment's words, not a caption inside them. */
function longest(nodes: Element[]): Element | undefined {
  return [...nodes].sort((a, b) => renderText(b).length - renderText(a).length)[0];
}

/**
 * The comment section: the deepest element enclosing every comment, widened to a close
 * enclosing element named like one (`section#comments` with its heading and form).
 */
function commentSection($: CheerioAPI, members: Element[]): AnyNode {
  const first = members[0]!;
  const enclosing =
    $(first)
      .parents()
      .toArray()
      .find((node) => members.every((member) => $.contains(node, member))) ?? first;
  const nearby = [enclosing, ...$(enclosing).parents().slice(0, 3).toArray()];
  const named = nearby.filter(
    (node) =>
      node.type === 'tag' &&
      !PAGE_LEVEL.has(node.name) &&
      COMMENTISH.test(`${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`)
  );
  return named[named.length - 1] ?? enclosing;
}
