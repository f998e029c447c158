/**
 * Plain-text tables for the benchmark report: columns padded to their widest cell, numbers right-aligned.
 */

export type Cell = string | number;

export function table(title: string, head: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const widths = head.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || /^[\d.,]+[x%]?$/.test(String(row[i]))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [title, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** 52 341 -> "52,341"; 1.234 -> "1.23"; 0.0123 -> "0.0123". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 100) return Math.round(n).toLocaleString('en-US');
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

export const ratio = (n: number): string => `${formatNumber(n)}x`;
