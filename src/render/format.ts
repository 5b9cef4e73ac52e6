/**
 * Number formatting for people (table and Markdown). Rounding happens here only: JSON and CSV
 * carry full precision.
 */

/** A value to one decimal place (three significant figures below 1); "–" when missing. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v !== 0 && Math.abs(v) < 1) return String(Number(v.toPrecision(3)));
  return v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** "78.5 (77.9–79.1)", or the value alone when a limit is missing. */
export function formatWithCi(v: number | null, lower: number | null, upper: number | null): string {
  if (v === null) return '–';
  if (lower === null || upper === null) return formatValue(v);
  return `${formatValue(v)} (${formatValue(lower)}–${formatValue(upper)})`;
}

/** Thousands-separated count. */
export function formatCount(v: number): string {
  return v.toLocaleString('en-GB');
}

/** Wraps text at word boundaries to at most `width` columns. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}
