/**
 * Splits one CSV record (RFC 4180, no line end) into fields; quoted fields may hold commas, doubled
 * quotes and newlines. Null when the record is malformed (the caller then asks csv-parse).
 *
 * @example splitRecord('a,"b, ""c""",d') // ['a', 'b, "c"', 'd']
 */
export function splitRecord(s: string): string[] | null {
  if (s.indexOf('"') < 0) return s.split(',');
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) return null;
        v += s.slice(i, q);
        if (s.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i >= n) return out;
      if (s.charCodeAt(i) !== 44) return null;
      i++;
      if (i === n) {
        out.push('');
        return out;
      }
    } else {
      const c = s.indexOf(',', i);
      if (c < 0) {
        out.push(s.slice(i));
        return out;
      }
      const field = s.slice(i, c);
      if (field.indexOf('"') >= 0) return null;
      out.push(field);
      i = c + 1;
      if (i === n) {
        out.push('');
        return out;
      }
    }
  }
}
