/**
 * Whether a record [start, end) of a CSV block may concern one of `codes`, read in place: field
 * `column` (0-based; the Area Code), spaces and a CR trimmed, is one of them — or the field cannot
 * be read in place (it is quoted, or the quoting before it is not plain RFC 4180), and the caller
 * must parse the record to decide. False only when the record surely does not concern the codes
 * (its field is another code, or it has fewer fields).
 *
 * Fingertips files repeat a record's first fields (indicator ID and name, parent code and name) on
 * row after row: when a record's bytes up to its area field are those of the last record walked,
 * the field starts at the same offset and nothing before it is read again (one memcmp). Otherwise
 * the fields before it are skipped with Buffer.indexOf (a quoted one from quote to closing quote).
 * The matcher remembers that last record, so each thread makes its own.
 *
 * @example areaMatcher(1, ['E06000032'])(Buffer.from('"Name, with comma",E06000032,x'), 0, 30) // true
 */
export function areaMatcher(column: number, codes: string[]): (data: Buffer, start: number, end: number) => boolean {
  const wanted = codes.map((c) => Buffer.from(c, 'latin1'));
  let knownStart = -1;
  let knownData: Buffer | null = null;
  /** Bytes from the last walked record's start to its area field (0: none). */
  let offset = 0;

  /** The start of field `column`, -1 when the record has fewer fields, -2 when it must be parsed. */
  const walk = (data: Buffer, start: number, end: number): number => {
    let a = start;
    let quote = data.indexOf(34, a);
    if (quote >= end) quote = -1;
    for (let i = 0; i < column; i++) {
      if (quote === a) {
        let close = a + 1;
        for (;;) {
          close = data.indexOf(34, close);
          if (close < 0 || close >= end) return -2;
          if (data[close + 1] !== 34) break;
          close += 2;
        }
        if (data[close + 1] !== 44) return -2;
        a = close + 2;
        quote = data.indexOf(34, a);
        if (quote >= end) quote = -1;
      } else {
        const comma = data.indexOf(44, a);
        if (comma < 0 || comma >= end) return -1;
        if (quote >= 0 && quote < comma) return -2;
        a = comma + 1;
      }
    }
    return a;
  };

  return (data, start, end) => {
    let a: number;
    if (offset > 0 && knownData === data && end - start > offset && data.compare(data, knownStart, knownStart + offset, start, start + offset) === 0) {
      a = start + offset;
    } else {
      a = walk(data, start, end);
      if (a === -1) return false;
      if (a === -2) {
        offset = 0;
        return true;
      }
      knownData = data;
      knownStart = start;
      offset = a - start;
    }
    let b = a;
    while (b < end && data[b] !== 44) {
      if (data[b] === 34) return true;
      b++;
    }
    if (b > a && data[b - 1] === 13) b--;
    while (a < b && data[a] === 32) a++;
    while (b > a && data[b - 1] === 32) b--;
    const length = b - a;
    next: for (const code of wanted) {
      if (code.length !== length) continue;
      for (let i = 0; i < length; i++) if (data[a + i] !== code[i]) continue next;
      return true;
    }
    return false;
  };
}
