/**
 * A WordPress-style page (copied text) with `count` comments, for tests that need a large
 * thread from a real ingest. Every comment's text is distinct; some carry the word "bad".
 */
export function manyCommentsPage(count: number): Uint8Array {
  const comments = Array.from({ length: count }, (_, index) =>
    [
      `Reader ${index + 1} says:`,
      'November 10, 2016 at 3:15 pm',
      '',
      index % 4 === 0
        ? `Comment ${index + 1}: a bad idea, a bad board.`
        : `Comment ${index + 1}: fair enough.`,
      '',
      'Reply'
    ].join('\n')
  );
  const page = [
    'The Coastline Courier',
    '',
    'Ferry Fares to Rise by 8 Percent in January',
    '',
    'The county ferry service will raise fares by 8 percent from January 1.',
    '',
    'Posted on November 10, 2016 by Maria Wells',
    '',
    `${count} thoughts on “Ferry Fares to Rise by 8 Percent in January”`,
    '',
    comments.join('\n'),
    'Leave a Reply Cancel reply',
    ''
  ].join('\n');
  return new TextEncoder().encode(page);
}
