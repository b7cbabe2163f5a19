/**
 * Finds comments in copied page text by their repeated shape: an author line, a timestamp
 * line, the comment's text, then the controls every comment carries ("Reply", a like count).
 * The widgets (YouTube, Livefyre, Spot.IM) and the generic fallback differ only in what
 * counts as an author, a time and a control, so they pass those tests in.
 */

export interface BlockShape {
  isAuthor(line: string): boolean;
  isTime(line: string): boolean;
  isControl(line: string): boolean;
  /** A header on one line ("Anna · 3 hours ago"), split into its author and time. */
  splitHeader?(line: string): { author: string; time: string } | null;
}

export interface LineBlock {
  authorLine: number;
  author: string;
  timeLine: number;
  time: string;
  /** The comment's own lines: [textStart, textEnd). */
  textStart: number;
  textEnd: number;
  /** The control lines right after the text ("12", "Reply", "3 replies"), trimmed. */
  controls: string[];
  /** The first line after the controls. */
  end: number;
}

/**
 * Every author line followed (blank lines aside) by a time line starts a block; its text
 * runs to its first control line or the next block. A block whose text runs into the next
 * block without a control in between still counts; callers decide how much they trust it.
 * Callers that know where the comment section starts pass `from`, so that an article's
 * own byline and date are not taken for a comment.
 */
export function findBlocks(lines: readonly string[], shape: BlockShape, from = 0): LineBlock[] {
  const headers = findHeaders(lines, shape, from);
  return headers.map((header, index) => {
    const limit = headers[index + 1]?.authorLine ?? lines.length;
    const textStart = header.timeLine + 1;
    let textEnd = textStart;
    while (textEnd < limit && !shape.isControl(lines[textEnd]!.trim())) textEnd++;
    const controls: string[] = [];
    let end = textEnd;
    while (end < limit) {
      const line = lines[end]!.trim();
      if (line !== '' && !shape.isControl(line)) break;
      if (line !== '') controls.push(line);
      end++;
    }
    return { ...header, textStart, textEnd, controls, end };
  });
}

function findHeaders(
  lines: readonly string[],
  shape: BlockShape,
  from: number
): Pick<LineBlock, 'authorLine' | 'author' | 'timeLine' | 'time'>[] {
  const headers: Pick<LineBlock, 'authorLine' | 'author' | 'timeLine' | 'time'>[] = [];
  for (let index = from; index < lines.length; index++) {
    const author = lines[index]!.trim();
    const oneLine = shape.splitHeader?.(author);
    if (oneLine) {
      headers.push({ authorLine: index, timeLine: index, ...oneLine });
      continue;
    }
    if (!shape.isAuthor(author)) continue;
    const timeLine = nextNonBlank(lines, index + 1);
    if (timeLine < 0 || !shape.isTime(lines[timeLine]!.trim())) continue;
    headers.push({ authorLine: index, author, timeLine, time: lines[timeLine]!.trim() });
    index = timeLine;
  }
  return headers;
}

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    if (lines[index]!.trim() !== '') return index;
  }
  return -1;
}
