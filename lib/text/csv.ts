import "server-only";
/** One CSV cell; one a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number | boolean | Date | null): string {
  let text = value === null ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, a header first. */
export function csvRows(rows: (string | number | boolean | Date | null)[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
