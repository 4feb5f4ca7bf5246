// RFC 4180 CSV writing, with spreadsheet formula injection neutralised in text cells.

/** Quotes a field when it holds a comma, quote or line break; doubles quotes inside. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The UTF-8 byte order mark. Excel (and others) read a CSV without it in the system's legacy code page
 * and show "Zoë" as "ZoÃ«"; with it they read UTF-8. RFC 4180 parsers that know UTF-8 skip it.
 */
export const CSV_BOM = '\uFEFF';

/** A whole CSV file: the BOM, then the rows joined with CRLF, as RFC 4180 says, ending with a line break. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
