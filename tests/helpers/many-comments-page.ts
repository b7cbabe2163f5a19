/**
 * A WordPress-style page (copied text) with `count` comments, for tests that need a large
 * thread from a real ingest. Every comment's text is distinct; some carry the word "bad".
 * `title` and `text` (the comment at an index) make pages that differ from each other.
 */
export function manyCommentsPage(
  count: number,
  {
    title = 'Ferry Fares to Rise by 8 Percent in January',
    text = (index: number) =>
      index % 4 === 0
        ? `Comment ${index + 1}: a bad idea, a bad board.`
        : `Comment ${index + 1}: fair enough.`
  }: { title?: string; text?: (index: number) => string } = {}
): Uint8Array {
  const comments = Array.from({ length: count }, (_, index) =>
    [
      `Reader ${index + 1} says:`,
      'November 10, 2016 at 3:15 pm',
      '',
      text(index),
      '',
      'Reply'
    ].join('\n')
  );
  const page = [
    'The Coastline Courier',
    '',
    title,
    '',
    'The county ferry service will raise fares by 8 percent from January 1.',
    '',
    'Posted on November 10, 2016 by Maria Wells',
    '',
    `${count} thoughts on “${title}”`,
    '',
    comments.join('\n'),
    'Leave a Reply Cancel reply',
    ''
  ].join('\n');
  return new TextEncoder().encode(page);
}
