/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Flattens nested objects one level deep: { england: { value } } → { england_value }. */
export function flatten(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) out[`${k}_${k2}`] = v2;
    } else out[k] = v;
  }
  return out;
}

/** A CSV document (LF line ends) of flattened rows; `columns` fixes the header when there are no rows. */
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const flat = rows.map(flatten);
  const header = columns ?? (flat[0] ? Object.keys(flat[0]) : []);
  const lines = [header.map(csvField).join(',')];
  for (const r of flat) lines.push(header.map((h) => csvField(r[h])).join(','));
  return `${lines.join('\n')}\n`;
}
