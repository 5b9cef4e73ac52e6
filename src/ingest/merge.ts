import type { Diagnostic } from '../diagnostics.js';
import type { Extract } from './read-extract.js';
import type { IndicatorRow } from './row.js';

/** The identity of a data point: indicator, area, sex, age, cohort and period. */
export function rowKey(r: IndicatorRow): string {
  return `${r.indicatorId}\u0001${r.areaCode}\u0001${r.sex}\u0001${r.age}\u0001${r.categoryType ?? ''}\u0001${r.category ?? ''}\u0001${r.period.sortable}\u0001${r.period.label}`;
}

const FIGURES = ['value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator'] as const;

function sameFigures(a: IndicatorRow, b: IndicatorRow): boolean {
  return FIGURES.every((f) => a[f] === b[f]);
}

/** The warning for a data point listed again with other figures (the first is used); null when the figures are the same. */
export function repeatConflict(first: IndicatorRow, row: IndicatorRow): Diagnostic | null {
  if (sameFigures(first, row)) return null;
  const differs = FIGURES.filter((f) => first[f] !== row[f]).map((f) => `${f} ${first[f]} vs ${row[f]}`).join(', ');
  return {
    code: 'row/duplicate-conflict', severity: 'warning', file: row.file, line: row.line, column: null,
    message: `indicator ${row.indicatorId}, ${row.areaCode}, ${row.sex}, ${row.age}, ${row.period.label} is also at ${first.file}:${first.line} with other figures (${differs}); the first is used`,
  };
}

/**
 * Merges the rows of several extracts (or one). A data point listed twice with the same figures
 * — as real profile extracts list each unitary authority under both the county and the district
 * area types — is kept once and counted as a duplicate; listed twice with different figures it is
 * a conflict: the first is kept and both lines are reported.
 */
export function mergeExtracts(extracts: { rows: IndicatorRow[]; summary: Pick<Extract['summary'], 'rows_duplicate' | 'rows_used'> }[]): { rows: IndicatorRow[]; diagnostics: Diagnostic[] } {
  const seen = new Map<string, IndicatorRow>();
  const diagnostics: Diagnostic[] = [];
  for (const extract of extracts) {
    for (const row of extract.rows) {
      const key = rowKey(row);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, row);
        continue;
      }
      extract.summary.rows_duplicate++;
      extract.summary.rows_used--;
      const conflict = repeatConflict(first, row);
      if (conflict) diagnostics.push(conflict);
    }
  }
  return { rows: [...seen.values()], diagnostics };
}
