/**
 * Fingertips time periods, parsed to a sortable form.
 * Labels as written by fingertips-open `Formatting/TimePeriodFormatter.cs`
 * (../shared/docs/fingertips-format.md §1.5.6): `2019`, `2019 - 21`, `2019/20`,
 * `2017/18 - 19/20`, `2019 Q3`, `2019/20 Q3`, `2019/20 Q1 - 2019/20 Q4`, `2019/20 Q1-Q2`,
 * `Jan 2019`, `Jan 2019 - Dec 2019`, `Aug 2006 - Jul 2007`.
 */
export interface TimePeriod {
  label: string;
  /** Fingertips' `Time period Sortable`: YYYYQQMM of the start, e.g. 2019/20 Q3 → 20190300. */
  sortable: number;
  startYear: number;
  /** Whole years covered: 1 for a year or financial year, 3 for `2017 - 19`; 0 below a year. */
  years: number;
  kind: 'year' | 'multi-year' | 'quarter' | 'month' | 'other';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function endYear(start: number, twoDigits: string): number {
  const century = Math.floor(start / 100) * 100;
  let end = century + Number(twoDigits);
  if (end < start) end += 100;
  return end;
}

const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * Parses a Fingertips time-period label; null when it is not one.
 *
 * @example parseTimePeriod('2017 - 19') // { label: '2017 - 19', sortable: 20170000, startYear: 2017, years: 3, kind: 'multi-year' }
 */
export function parseTimePeriod(label: string): TimePeriod | null {
  const s = label.trim().replace(/\s+/g, ' ');
  let m: RegExpMatchArray | null;
  const make = (startYear: number, quarter: number, mon: number, years: number, kind: TimePeriod['kind']): TimePeriod => ({
    label: s, sortable: startYear * 10000 + quarter * 100 + mon, startYear, years, kind,
  });
  if ((m = s.match(/^(\d{4})$/))) return make(Number(m[1]), 0, 0, 1, 'year');
  if ((m = s.match(/^(\d{4})\/(\d{2})$/))) {
    const start = Number(m[1]);
    return endYear(start, m[2]!) === start + 1 ? make(start, 0, 0, 1, 'year') : null;
  }
  if ((m = s.match(/^(\d{4}) ?- ?(\d{2}|\d{4})$/))) {
    const start = Number(m[1]);
    const end = m[2]!.length === 4 ? Number(m[2]) : endYear(start, m[2]!);
    if (end <= start) return null;
    return make(start, 0, 0, end - start + 1, 'multi-year');
  }
  if ((m = s.match(/^(\d{4})\/(\d{2}) ?- ?(\d{2}|\d{4})\/(\d{2})$/))) {
    const start = Number(m[1]);
    const lastStart = m[3]!.length === 4 ? Number(m[3]) : endYear(start, m[3]!);
    if (lastStart <= start) return null;
    return make(start, 0, 0, lastStart - start + 1, 'multi-year');
  }
  if ((m = s.match(/^(\d{4})(?:\/(\d{2}))? Q([1-4])(?: ?- ?(?:(\d{4})(?:\/\d{2})? )?Q[1-4])?$/))) {
    return make(Number(m[1]), Number(m[3]), 0, 0, 'quarter');
  }
  if ((m = s.match(/^([A-Za-z]{3})[a-z]* (\d{4})(?: - [A-Za-z]{3}[a-z]* (\d{4}))?$/)) && month(m[1]!) > 0) {
    const start = Number(m[2]);
    if (!m[3]) return make(start, 0, month(m[1]!), 0, 'month');
    const years = Number(m[3]) - start;
    return make(start, 0, month(m[1]!), years >= 1 ? years : 0, 'other');
  }
  return null;
}

/** Examples of accepted labels, for messages. */
export const PERIOD_EXAMPLES = '2019, 2019/20, 2017 - 19, 2017/18 - 19/20, 2019 Q3, 2019/20 Q3 or Jan 2019';
