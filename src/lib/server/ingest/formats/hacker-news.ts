/**
 * Hacker News: the story is the `.fatitem` (title in `.titleline`), comments are flat
 * `tr.athing.comtr` rows of `table.comment-tree` whose depth is the `indent` of `td.ind`
 * (older pages: a spacer image 40px wide per level), with `.hnuser`, `span.age` (its
 * title holds the ISO time and unix seconds) and `.commtext`. Copied text shows
 * "name 3 hours ago | parent | next [–]" headers, the text and a "reply" line.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { CommentDraft, CommentFormat, Page, ParsedArticle, ThreadDraft } from '../types';
import { renderText } from '../dom';
import { parentsFromDepths } from '../thread';
import { isoFromAttribute } from './comment-dates';
import { renderWithout } from './comment-dom';
import { mayBeHackerNewsText, parseHackerNewsText, scoreHackerNewsText } from './hacker-news-text';
import { mentionsAny } from './html-markers';

const ROWS = 'tr.athing.comtr';
const INDENT_WIDTH = 40;

export const hackerNews: CommentFormat = {
  id: 'hacker-news',
  name: 'Hacker News',
  maxEvidence: { text: 0.9, html: 0.95 },
  mayClaim: (page) =>
    page.markup === 'html'
      ? mentionsAny(page.$, ['comtr', 'comment-tree', 'hnuser'])
      : mayBeHackerNewsText(page.text),
  detect(page: Page): number {
    if (page.markup === 'text') return scoreHackerNewsText(page.lines);
    const { $ } = page;
    if ($(ROWS).length > 0) return 0.95;
    return $('table.comment-tree').length > 0 || $('.fatitem .hnuser').length > 0 ? 0.55 : 0;
  },
  parse(page: Page): ThreadDraft {
    return page.markup === 'text' ? parseHackerNewsText(page.lines) : parseHtml(page.$);
  }
};

function parseHtml($: CheerioAPI): ThreadDraft {
  const rows = $(ROWS)
    .toArray()
    .map((row) => $(row));
  const parents = parentsFromDepths(rows.map(depthOf));
  const comments = rows.map((row, index): CommentDraft => {
    const age = row.find('span.age').first();
    return {
      author: row.find('.hnuser').first().text().trim() || null,
      text: textOf(row),
      postedAtRaw: age.text().trim() || null,
      postedAt: timeOf(age.attr('title')),
      parent: parents[index] ?? null
    };
  });
  return { comments, article: storyArticle($), commentNodes: sectionNodes($) };
}

/** The story is the article: title, submitter, time and text (Ask HN; none for a link). */
function storyArticle($: CheerioAPI): Partial<ParsedArticle> {
  const story = $('.fatitem').first();
  if (story.length === 0) return {};
  const title = story.find('.titleline > a, a.storylink').first().text().trim();
  const text = story.find('.toptext').first();
  return {
    ...(title ? { title } : {}),
    byline: story.find('.subtext .hnuser').first().text().trim() || null,
    body: text.length > 0 ? renderText(text) : '',
    publishedAt: timeOf(story.find('.subtext span.age').first().attr('title'))
  };
}

function depthOf(row: Cheerio<Element>): number {
  const cell = row.find('td.ind').first();
  const indent = Number.parseInt(cell.attr('indent') ?? '', 10);
  if (Number.isFinite(indent)) return indent;
  const spacer = Number.parseInt(cell.find('img').attr('width') ?? '', 10);
  return Number.isFinite(spacer) ? Math.round(spacer / INDENT_WIDTH) : 0;
}

/** A deleted or flagged comment has no `.commtext`; its `.comment` says "[deleted]" or "[flagged]". */
function textOf(row: Cheerio<Element>): string {
  const commtext = row.find('.commtext').first();
  if (commtext.length > 0) return renderWithout(commtext, '.reply');
  return renderWithout(row.find('div.comment').first(), '.reply');
}

/** "2016-11-10T15:15:00 1478790900": unix seconds when present, else the ISO part (UTC). */
function timeOf(title: string | undefined): string | null {
  if (!title) return null;
  const [iso, unix] = title.trim().split(/\s+/);
  if (unix) return isoFromAttribute(unix);
  return iso ? isoFromAttribute(/Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`) : null;
}

function sectionNodes($: CheerioAPI): AnyNode[] {
  const tree = $('table.comment-tree');
  if (tree.length > 0) return tree.toArray();
  return $(ROWS).first().closest('table').toArray();
}
