/**
 * Small pages written for the ingest tests (our own text, not copied from the web): a
 * WordPress article with its comment list, as saved HTML, which the parser recognises.
 */
export interface PageComment {
  author: string;
  posted: string;
  text: string;
}

export interface Page {
  outlet: string;
  title: string;
  body: string;
  comments: PageComment[];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function wordpressHtmlPage({ outlet, title, body, comments }: Page): string {
  const items = comments.map(
    ({ author, posted, text }, index) => `
<li class="comment depth-1" id="li-comment-${index + 1}">
  <div id="comment-${index + 1}" class="comment-body">
    <div class="comment-author vcard"><cite class="fn">${escapeHtml(author)}</cite> <span class="says">says:</span></div>
    <div class="comment-meta commentmetadata"><a href="#comment-${index + 1}">${escapeHtml(posted)}</a></div>
    <p>${escapeHtml(text)}</p>
    <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
  </div>
</li>`
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>${escapeHtml(title)} – ${escapeHtml(outlet)}</title>
<meta property="og:site_name" content="${escapeHtml(outlet)}">
</head>
<body class="single single-post">
<article class="post hentry">
  <h1 class="entry-title">${escapeHtml(title)}</h1>
  <div class="entry-content"><p>${escapeHtml(body)}</p></div>
</article>
<div id="comments" class="comments-area">
  <h2 class="comments-title">${comments.length} thoughts on “${escapeHtml(title)}”</h2>
  <ol class="commentlist">${items.join('')}
  </ol>
</div>
</body>
</html>
`;
}

export const ALLOTMENTS: Page = {
  outlet: 'The Millbrook Gazette',
  title: 'Allotment Waiting List Closes After Record Demand',
  body:
    'The town council closed its allotment waiting list on Monday after 412 households ' +
    'applied for 38 plots. Applicants already on the list keep their place.',
  comments: [
    {
      author: 'Marit Olsen',
      posted: 'March 3, 2025 at 9:12 am',
      text: 'Four hundred households for thirty-eight plots. Open the old depot field.'
    },
    {
      author: 'Tomasz Wójcik',
      posted: 'March 3, 2025 at 10:40 am',
      text: 'The depot field floods every winter, which is why it was never offered.'
    },
    {
      author: 'Grace Achebe',
      posted: 'March 4, 2025 at 7:05 am',
      text: 'Shared plots would halve the wait. Several towns nearby already do this.'
    }
  ]
};

/** The same kind of page as copied from the browser window: plain text, WordPress-style. */
export function wordpressTextPage({ title, body, comments }: Page): string {
  const thread = comments
    .map(({ author, posted, text }) => `${author} says:\n${posted}\n\n${text}\n\nReply`)
    .join('\n');
  return [
    title,
    body,
    'Posted on March 5, 2025 by Ida Lindqvist',
    `${comments.length} thoughts on “${title}”`,
    `${thread}\nLeave a Reply Cancel reply\nYour email address will not be published.\n`
  ].join('\n\n');
}

export const BUS_ROUTE: Page = {
  outlet: 'The Millbrook Gazette',
  title: 'Night Bus Returns to the Harbour Route',
  body:
    'The N4 night bus will run to the harbour again from April, after two years in which ' +
    'the route ended at the station. Buses leave every forty minutes until 2 am.',
  comments: [
    {
      author: 'Lena Fischer',
      posted: 'March 5, 2025 at 8:02 pm',
      text: 'Finally. The walk from the station at 1 am was no fun in winter.'
    },
    {
      author: 'Owen Price',
      posted: 'March 5, 2025 at 9:15 pm',
      text: 'Every forty minutes is still thin for a Saturday night.'
    }
  ]
};
