/**
 * The table of removed and escalated comments with why: id, status, the last decision's
 * reason (and note), who decided, and the text (shortened). Rows arrive in batches and are
 * drawn as they come, a new page (with the header again) whenever the next row won't fit.
 */
import type { ReportRow } from '../report-rows';
import { pdfText, shorten } from './pdf-text';

type Doc = PDFKit.PDFDocument;

const COLUMNS = [
  { title: 'Comment', width: 70 },
  { title: 'Status', width: 55 },
  { title: 'Reason', width: 90 },
  { title: 'Moderator', width: 65 },
  { title: 'Text', width: 0 } // the rest of the line
] as const;
const PADDING = 4;
const TEXT_LIMIT = 500;

function widths(doc: Doc): number[] {
  const full = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const fixed = COLUMNS.reduce((sum, column) => sum + column.width, 0);
  return COLUMNS.map((column) => (column.width === 0 ? full - fixed : column.width));
}

function drawRow(doc: Doc, cells: string[], { bold }: { bold: boolean }): void {
  const columnWidths = widths(doc);
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  const height =
    Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell, { width: columnWidths[i]! - PADDING }))
    ) + PADDING;
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + height > bottom) {
    doc.addPage();
    if (!bold)
      drawRow(
        doc,
        COLUMNS.map((column) => column.title),
        { bold: true }
      );
    doc.font('Helvetica').fontSize(8);
  }
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    doc.fillColor('#1d2430').text(cell, x, top, { width: columnWidths[i]! - PADDING });
    x += columnWidths[i]!;
  });
  doc
    .moveTo(doc.page.margins.left, top + height - 2)
    .lineTo(x, top + height - 2)
    .lineWidth(0.5)
    .strokeColor('#cbd2dc')
    .stroke();
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function cellsOf(row: ReportRow): string[] {
  const decision = row.lastDecision;
  const why = [decision?.reason, decision?.note].filter(Boolean).join(': ');
  return [
    `#${row.commentId}\n${pdfText(shorten(row.articleTitle ?? `article ${row.articleId}`, 60))}`,
    row.status,
    pdfText(shorten(why === '' ? '-' : why, 200)),
    pdfText(decision?.moderator ?? '-'),
    pdfText(shorten(`${row.author ?? 'anonymous'}: ${row.text}`, TEXT_LIMIT))
  ];
}

/** Draws the section; returns how many rows it listed. */
export async function drawDecidedTable(
  doc: Doc,
  batches: AsyncIterable<ReportRow[]> | Iterable<ReportRow[]>
): Promise<number> {
  doc.addPage();
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .fillColor('#1d2430')
    .text('Removed and escalated comments');
  doc.moveDown(0.5);
  drawRow(
    doc,
    COLUMNS.map((column) => column.title),
    { bold: true }
  );
  let listed = 0;
  for await (const batch of batches) {
    for (const row of batch) drawRow(doc, cellsOf(row), { bold: false });
    listed += batch.length;
  }
  if (listed === 0) doc.font('Helvetica').fontSize(10).text('None in this report.');
  return listed;
}
