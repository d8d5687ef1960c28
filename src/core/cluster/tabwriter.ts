/**
 * The column layout `kubectl get` prints with: Go's text/tabwriter as kubectl's printers create
 * it (`GetNewTabWriter`: minwidth 6, padding 3, pad character space, no flags). A column is as wide
 * as its widest cell plus 3, and at least 6; the last cell of a row is not a column (it is not
 * followed by a tab), so it is printed as it is, with no trailing spaces.
 *
 * Widths are counted in characters, which is what tabwriter does for the ASCII kubectl prints.
 *
 * @param rows the header and the data rows, every row with the same number of cells
 * @returns the lines, without newlines
 */
export function tabwrite(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, k) => {
      if (k === row.length - 1) return;
      widths[k] = Math.max(widths[k] ?? 6, cell.length + 3);
    });
  }
  return rows.map((row) => row.map((cell, k) => (k === row.length - 1 ? cell : cell.padEnd(widths[k] ?? 6))).join(''));
}
