/**
 * The report's first page: what it covers, the counts people ask about first (comments,
 * flagged, each status, decisions), and the charts: flagged share per label, current
 * outcomes, and why comments were removed. Every number comes from summarizeReport.
 */
import { DECISION_ACTIONS, MODERATION_STATUSES } from '../../../schemas/decision';
import { LABELS } from '../../classify/types';
import type { ReportSummary } from '../report-summary';
import { drawBarChart } from './bar-chart';
import { pdfText } from './pdf-text';

type Doc = PDFKit.PDFDocument;

export interface ReportMeta {
  generatedAt: Date;
  /** Who asked for it; null from the CLI. */
  generatedBy: string | null;
  /** The filter as people wrote it (describeReportFilter). */
  filter: Record<string, string | number>;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;

export function drawCover(doc: Doc, summary: ReportSummary, meta: ReportMeta): void {
  const filterText = Object.entries(meta.filter)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor('#1d2430')
    .text('threadwatch moderation report');
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#4a5568')
    .text(
      `Generated ${meta.generatedAt.toISOString()}${meta.generatedBy ? ` by ${pdfText(meta.generatedBy)}` : ''}`
    )
    .text(`Filter: ${filterText === '' ? 'all comments' : pdfText(filterText)}`)
    .moveDown();

  const decisions = DECISION_ACTIONS.map((action) => summary.decisionsByAction[action] ?? 0);
  const totalDecisions = decisions.reduce((sum, count) => sum + count, 0);
  const lines: [string, string][] = [
    ['Comments', String(summary.comments)],
    ['Scored', String(summary.scored)],
    ['Flagged', `${summary.flagged} (${percent(summary.flagged, summary.scored)} of scored)`],
    ...MODERATION_STATUSES.map((status): [string, string] => [
      status[0]!.toUpperCase() + status.slice(1),
      String(summary.byStatus[status])
    ]),
    [
      'Decisions',
      `${totalDecisions} (${DECISION_ACTIONS.map((action, i) => `${action} ${decisions[i]}`).join(', ')})`
    ]
  ];
  doc.font('Helvetica').fontSize(11).fillColor('#1d2430');
  for (const [name, value] of lines) doc.text(`${name}: ${value}`);
  doc.moveDown();

  drawBarChart(doc, {
    title: 'Flagged share per label (of scored comments)',
    color: '#c53030',
    max: summary.scored,
    bars: LABELS.map((label) => ({
      label,
      value: summary.flaggedByLabel[label],
      caption: `${summary.flaggedByLabel[label]} (${percent(summary.flaggedByLabel[label], summary.scored)})`
    }))
  });
  drawBarChart(doc, {
    title: 'Moderation outcome (current status)',
    color: '#2b6cb0',
    max: summary.comments,
    bars: MODERATION_STATUSES.map((status) => ({
      label: status,
      value: summary.byStatus[status],
      caption: `${summary.byStatus[status]} (${percent(summary.byStatus[status], summary.comments)})`
    }))
  });
  const reasons = Object.entries(summary.removedByReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0)
    drawBarChart(doc, {
      title: 'Removal reasons',
      color: '#805ad5',
      max: summary.byStatus.removed,
      bars: reasons.map(([reason, count]) => ({
        label: reason,
        value: count,
        caption: String(count)
      }))
    });
}
