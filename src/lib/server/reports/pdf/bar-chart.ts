/** A horizontal bar chart drawn with PDF vector shapes: a title, one labelled bar a row. */
type Doc = PDFKit.PDFDocument;

export interface Bar {
  label: string;
  value: number;
  /** What is printed after the bar, e.g. "12 (40%)". */
  caption: string;
}

const LABEL_WIDTH = 120;
const CAPTION_WIDTH = 90;
const ROW_HEIGHT = 16;
const BAR_HEIGHT = 10;

export function drawBarChart(
  doc: Doc,
  { title, bars, max, color }: { title: string; bars: Bar[]; max: number; color: string }
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const barSpace = width - LABEL_WIDTH - CAPTION_WIDTH;
  const needed = 24 + bars.length * ROW_HEIGHT;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();

  doc.font('Helvetica-Bold').fontSize(11).fillColor('#1d2430').text(title, left, doc.y);
  let y = doc.y + 6;
  doc.font('Helvetica').fontSize(9);
  for (const bar of bars) {
    doc.fillColor('#1d2430').text(bar.label, left, y, { width: LABEL_WIDTH - 6, lineBreak: false });
    doc.rect(left + LABEL_WIDTH, y, barSpace, BAR_HEIGHT).fill('#e6e9ee');
    const length = max > 0 ? (barSpace * bar.value) / max : 0;
    if (length > 0) doc.rect(left + LABEL_WIDTH, y, length, BAR_HEIGHT).fill(color);
    doc.fillColor('#1d2430').text(bar.caption, left + LABEL_WIDTH + barSpace + 6, y, {
      width: CAPTION_WIDTH - 6,
      lineBreak: false
    });
    y += ROW_HEIGHT;
  }
  doc.x = left;
  doc.y = y + 10;
}
