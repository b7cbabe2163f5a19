export { CONTENT_TYPES, EXPORT_ACTION, exportFileName, startExport } from './export';
export type { ExportRequest, StartedExport } from './export';
export { recentExports, type RecentExport } from './recent-exports';
export { DEFAULT_BATCH_SIZE, reportBatches, reportBatchesWithHistory } from './report-rows';
export type { LastDecision, ReportRow, ReportRowWithHistory } from './report-rows';
export { summarizeReport, type ReportSummary } from './report-summary';
export { CSV_COLUMNS } from './formats/csv';
