/**
 * Writes a synthetic article as copied WordPress page text, the shape of
 * tests/helpers/many-comments-page.ts with real authors, times and replies: "Name says:",
 * a date line, "In reply to Name." before a reply's text, then "Reply".
 */
import type { SyntheticArticle } from './synthetic-corpus';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

const encoder = new TextEncoder();

export function wordpressPage(article: SyntheticArticle): Uint8Array {
  const comments = article.comments.map((comment) =>
    [
      `${comment.author} says:`,
      wordpressDate(comment.postedAt),
      '',
      ...(comment.replyTo === null
        ? []
        : [`In reply to ${article.comments[comment.replyTo]!.author}.`]),
      comment.text,
      '',
      'Reply'
    ].join('\n')
  );
  const page = [
    article.outlet,
    '',
    article.title,
    '',
    // Byline and date under the headline, where the text parser reads them: a date it
    // cannot read leaves the article to its ingest time, and story grouping compares
    // articles within days of each other.
    `By ${article.byline}`,
    wordpressDate(article.publishedAt).split(' at ')[0]!,
    '',
    ...article.paragraphs.flatMap((paragraph) => [paragraph, '']),
    `${article.comments.length} thoughts on “${article.title}”`,
    '',
    comments.join('\n'),
    'Leave a Reply Cancel reply',
    ''
  ].join('\n');
  return encoder.encode(page);
}

/** "November 10, 2016 at 3:15 pm" (UTC). */
function wordpressDate(at: Date): string {
  const hours = at.getUTCHours();
  const minutes = String(at.getUTCMinutes()).padStart(2, '0');
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'am' : 'pm'}`;
  return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}, ${at.getUTCFullYear()} at ${clock}`;
}
