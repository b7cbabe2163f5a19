/**
 * A chart's numbers as a table: the accessible <table> under each chart and its CSV
 * download are built from the same columns and rows, so they can't disagree.
 */
export type Cell = string | number | null;

export interface ChartTable {
  columns: Array<{ key: string; title: string }>;
  rows: Array<Record<string, Cell>>;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; CRLF lines. */
export function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableToCsv({ columns, rows }: ChartTable): string {
  const lines = [
    columns.map((column) => csvField(column.title)),
    ...rows.map((row) => columns.map((column) => csvField(row[column.key] ?? null)))
  ];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/** A share in [0, 1] as the table shows it ("42.9 %"); none when nothing was counted. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}
