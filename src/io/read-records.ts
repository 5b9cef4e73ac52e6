import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';

/** One CSV record with the physical line it starts on (1 = the header line). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record the CSV parser could not read (bad quoting), reported and skipped. */
export interface CsvSkip {
  line: number;
  message: string;
}

/**
 * The reading path every command uses: text chunks in, records out. Kept to this one small
 * interface so that a faster reader can replace it without touching its callers.
 */
export type RecordReader = (text: AsyncIterable<string>, onSkip: (skip: CsvSkip) => void) => AsyncIterable<CsvRecord>;

const SKIP_MESSAGES: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'expected a delimiter after a closing quote (a quote inside a field must be doubled: "")'
    + '; the record was skipped',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed: the file from the last good record to its end could not be read',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'the record has another number of fields than the header; the record was skipped',
};

function count(fields: string[], char: string): number {
  let n = 0;
  for (const f of fields) {
    for (let i = f.indexOf(char); i >= 0; i = f.indexOf(char, i + 1)) n++;
  }
  return n;
}

/**
 * csv-parse, streaming: RFC 4180 quoting with newlines inside quotes, CRLF or LF, a UTF-8 BOM,
 * ragged rows (padded by the caller), blank lines skipped, and malformed records skipped and
 * reported rather than ending the run.
 */
export const csvParseReader: RecordReader = async function* (text, onSkip) {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (err: Error & { lines?: number; code?: string }) => {
    onSkip({ line: err.lines ?? 0, message: SKIP_MESSAGES[err.code ?? ''] ?? `${err.message.replace(/^[^:]*: /, '')}; the record was skipped` });
  });
  pipeline(Readable.from(text), parser, () => {});
  // csv-parse counts a carriage return inside quotes as a line of its own; lines here are LF-separated.
  let extra = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    extra += count(item.record, '\r');
    yield { line: item.info.lines - extra - count(item.record, '\n'), fields: item.record };
  }
};
