import type { Diagnostic } from '../diagnostics.js';
import type { CsvRecord } from '../io/read-records.js';
import { adapterFor, type Adapter } from './adapt.js';
import { InputError } from '../errors.js';
import { EXPECTED_COLUMNS, type Field, type HeaderMatch } from './headers.js';
import type { Extract, ReadOptions } from './read-extract.js';
import type { IndicatorRow } from './row.js';
import type { RawRow } from './row-schema.js';
import { createRowValidator, type Validated } from './validate-row.js';

/** What a stretch of a file's records came to: rows read, used (kept, given or packed), outside the selection and rejected. */
export interface Tally {
  read: number;
  used: number;
  outside: number;
  rejected: Record<string, number>;
  diagnostics: Diagnostic[];
}

export const emptyTally = (): Tally => ({ read: 0, used: 0, outside: 0, rejected: {}, diagnostics: [] });

/**
 * Adds `part` (a later stretch of the same file) to `into`; its lines are moved on by `lines`
 * (its first line is line `1 + lines` of the file). Reasons keep the order they were first met.
 *
 * @example addTally(t, { read: 2, used: 1, outside: 0, rejected: { 'invalid-number': 1 }, diagnostics: [d] }, 40000)
 */
export function addTally(into: Tally, part: Tally, lines = 0): void {
  into.read += part.read;
  into.used += part.used;
  into.outside += part.outside;
  for (const [reason, n] of Object.entries(part.rejected)) into.rejected[reason] = (into.rejected[reason] ?? 0) + n;
  for (const d of part.diagnostics) into.diagnostics.push(lines !== 0 && d.line !== null ? { ...d, line: d.line + lines } : d);
}

/** The options of readExtract that decide what becomes of a record. */
export type ConsumeOptions = Pick<ReadOptions, 'keep' | 'sink' | 'pack' | 'source' | 'resolve'>;

/**
 * Turns records, given a block at a time in file order, into validated rows: the first record (the
 * header) picks the adapter, each later one becomes raw rows, the selection is applied on raw cells,
 * and the row validator checks the rest. A valid row goes to the sink, to the packer, or into
 * `rows`; a rejected one is counted and reported with its file, line, column and reason. `tally`
 * hands over what was counted since the last call, so a reader of a file's blocks can account for
 * each block on its own.
 *
 * @example const c = recordConsumer('x.csv', {}); c.take([{ line: 1, fields: header }, { line: 2, fields: cells }]); c.tally().read // 1
 */
export function recordConsumer(name: string, options: ConsumeOptions) {
  let tally = emptyTally();
  let given = 0;
  const rows: IndicatorRow[] = [];
  let adapter: Adapter | null = null;
  const pack = options.pack;
  const validate: (raw: RawRow, file: string, line: number) => Validated<IndicatorRow | boolean> = pack ? createRowValidator(pack.build) : createRowValidator();
  const reject = (line: number, column: string | null, reason: string, message: string): void => {
    tally.rejected[reason] = (tally.rejected[reason] ?? 0) + 1;
    tally.diagnostics.push({ code: `row/${reason}`, severity: 'error', file: name, line, column, message });
  };
  const take = (records: Iterable<CsvRecord>): void => {
    for (const record of records) {
      if (!adapter) {
        adapter = adapterFor(name, record.fields, options.source ?? null, options.resolve);
        continue;
      }
      const header = adapter.header;
      for (const adapted of adapter.adapt(record.fields)) {
        tally.read++;
        if ('error' in adapted) {
          reject(record.line, adapted.error.column, adapted.error.reason, adapted.error.message);
          continue;
        }
        const raw = adapted.raw;
        if (options.keep && !options.keep(raw)) {
          tally.outside++;
          continue;
        }
        if (record.fields.length > header.names.length) {
          reject(record.line, null, 'too-many-fields', `expected at most ${header.names.length} fields as in the header, got ${record.fields.length}`);
          continue;
        }
        const parsed = validate(raw, name, record.line);
        if (!parsed.ok) {
          const field: Field = parsed.field;
          const column = header.columns[field] !== undefined ? header.names[header.columns[field]]! : null;
          reject(record.line, column, field === 'timePeriod' ? 'invalid-period' : parsed.message.startsWith('expected a number') ? 'invalid-number' : 'missing-field', parsed.message);
          continue;
        }
        const row = parsed.row;
        tally.used++;
        if (typeof row === 'boolean') {
          given++;
          if (row) pack!.full();
        } else if (options.sink) {
          given++;
          options.sink(row);
        } else rows.push(row);
      }
    }
  };
  return {
    take,
    /** The rows kept (with neither a sink nor a packer). */
    rows,
    /** A record the CSV parser could not read: counted as read and rejected. */
    unreadable(line: number, message: string): void {
      tally.read++;
      reject(line, null, 'unreadable-csv', message);
    },
    /** Records a fast path saw but did not give: read, and outside the selection. */
    unseen(records: number): void {
      tally.read += records;
      tally.outside += records;
    },
    /** Rows given to the sink or packer so far. */
    given: (): number => given,
    header: (): HeaderMatch | null => (adapter as Adapter | null)?.header ?? null,
    tally(): Tally {
      const done = tally;
      tally = emptyTally();
      return done;
    },
  };
}

/**
 * The Extract of an input whose records came to `tally`; an input with no header (no record at
 * all) is refused as empty.
 */
export function extractOf(
  input: { name: string; gzip: boolean; digest: () => { sha256: string; bytes: number } | null },
  header: HeaderMatch | null, rows: IndicatorRow[], tally: Tally,
): Extract {
  if (!header) throw new InputError(`${input.name}: the file is empty`, `expected a CSV with the columns: ${EXPECTED_COLUMNS}`);
  return {
    header,
    rows,
    diagnostics: tally.diagnostics,
    digest: input.digest(),
    summary: {
      file: input.name,
      dialect: header.dialect,
      gzip: input.gzip,
      columns: header.names,
      parent_comparison_column: header.parentComparisonColumn,
      rows_read: tally.read,
      rows_used: tally.used,
      rows_rejected: Object.values(tally.rejected).reduce((a, b) => a + b, 0),
      rows_outside_selection: tally.outside,
      rows_duplicate: 0,
      rejected_by_reason: tally.rejected,
    },
  };
}
