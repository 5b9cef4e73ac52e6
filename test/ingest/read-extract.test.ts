import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExtract } from '../../src/ingest/read-extract.js';
import { mergeExtracts } from '../../src/ingest/merge.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const stdin = Readable.from([]);
const read = (content: string | Buffer, keep?: Parameters<typeof readExtract>[1]['keep']) => {
  const dir = scratch({ 'x.csv': content });
  return readExtract(join(dir, 'x.csv'), { stdin, keep });
};

describe('readExtract', () => {
  it('reads CRLF with a BOM and a quoted newline, and reports lines where records start', async () => {
    const csv = `\uFEFF${HEADER_27}\r\n${row27({ value: '1' })}\r\n${row27({ name: 'Two\nlines', value: '2' })}\r\n${row27({ value: '3' })}\r\n`;
    const e = await read(csv);
    expect(e.rows.map((r) => [r.line, r.value, r.indicatorName])).toEqual([[2, 1, 'Life expectancy at birth'], [3, 2, 'Two lines'], [5, 3, 'Life expectancy at birth']]);
    expect(e.summary).toMatchObject({ rows_read: 3, rows_used: 3, rows_rejected: 0, dialect: 'fingertips-csv/27' });
  });

  it('keeps a blank or suppressed value as missing with its reason, never 0', async () => {
    const e = await read(`${HEADER_27}\n${row27({ value: '', note: 'Value suppressed for disclosure control' })}\n${row27({ period: '2020', value: '-' })}\n`);
    expect(e.rows.map((r) => [r.value, r.missingReason])).toEqual([[null, 'Value suppressed for disclosure control'], [null, 'no data']]);
  });

  it('rejects a row it cannot read with file, line, column and reason, and goes on', async () => {
    const e = await read(`${HEADER_27}\n${row27({ value: '12.x' })}\n${row27({ period: 'last year', value: '1' })}\n${row27({ area: '', value: '1' })}\n${row27({ value: '4' })}\n`);
    expect(e.rows.map((r) => r.value)).toEqual([4]);
    expect(e.diagnostics.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
      [2, 'Value', 'row/invalid-number', 'expected a number or a blank, got "12.x"'],
      [3, 'Time period', 'row/invalid-period', expect.stringContaining('expected a period such as 2019')],
      [4, 'Area Code', 'row/missing-field', 'expected an area code, got a blank'],
    ]);
    expect(e.summary.rejected_by_reason).toEqual({ 'invalid-number': 1, 'invalid-period': 1, 'missing-field': 1 });
    expect(e.diagnostics[0]!.file).toMatch(/x\.csv$/);
  });

  it('pads ragged rows (a 26-column header with 25-field rows, as a real 2020 file has)', async () => {
    const header = HEADER_27.split(',').slice(0, 26).join(',');
    const line = row27({ value: '5' }).split(',').slice(0, 25).join(',');
    const e = await read(`${header}\n${line}\n`);
    expect(e.rows[0]!.value).toBe(5);
  });

  it('reports a record with bad quoting, and what of the file it could not read', async () => {
    const e = await read(`${HEADER_27}\n${row27({ value: '1' })}\n90366,"bad"quote,x\n${row27({ period: '2020', value: '2' })}\n`);
    expect(e.diagnostics.map((d) => [d.code, d.line])).toEqual([['row/unreadable-csv', 3], ['row/unreadable-csv', 4]]);
    expect(e.diagnostics[0]!.message).toMatch(/must be doubled/);
    expect(e.diagnostics[1]!.message).toMatch(/never closed/);
    expect(e.summary.rows_read).toBe(e.summary.rows_used + e.summary.rows_rejected);
  });

  it('counts rows outside the selection without validating them', async () => {
    const e = await read(`${HEADER_27}\n${row27({ value: '1' })}\n${row27({ area: 'E06000033', value: 'junk' })}\n`, (raw) => raw.areaCode === 'E06000032');
    expect(e.summary).toMatchObject({ rows_read: 2, rows_used: 1, rows_outside_selection: 1, rows_rejected: 0 });
  });

  it('refuses a header that matches no dialect, listing the columns expected', async () => {
    await expect(read('area,period,value\nE06000032,2019,1\n')).rejects.toThrow(/x\.csv:1: the header is not a Fingertips extract: no Indicator ID, Area Code, Time period column/);
  });

  it('refuses an empty file', async () => {
    await expect(read('')).rejects.toThrow(/the file is empty/);
  });

  it("reads the website's export-table variant: AreaName, quoted thousands, HTML in cells", async () => {
    const header = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,AreaName,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to parent value or percentiles,Time period Sortable,New data,Compared to goal,Time period range';
    const csv = `${header}\n`
      + `90366,Life expectancy,E12000007,London region (statistical),E09000012,Hackney,Upper tier local authorities (post 4/23),Persons,All ages,,,2021,64.1,63.2,65.0,62.8,65.4,"74,588","116,362","<span class=""tooltipValueNote"">* Value for Hackney and City of London combined</span>",,Worse,Worse,20210000,,,1y\n`
      + `90366,Life expectancy,E12000008,South East region (statistical),E06000036,Bracknell Forest,Upper tier local authorities (post 4/23),Persons,All ages,,,2021,,,,60.1,70.2,"<div class=""no-data"">-</div>",9000,,,Not compared,Not compared,20210000,,,1y\n`;
    const e = await read(csv);
    expect(e.summary.dialect).toBe('fingertips-web-export/27');
    expect(e.rows.map((r) => [r.areaName, r.count, r.denominator, r.valueNote, r.value, r.missingReason, r.lower998])).toEqual([
      ['Hackney', 74588, 116362, 'Value for Hackney and City of London combined', 64.1, null, 62.8],
      ['Bracknell Forest', null, 9000, null, null, 'blank', 60.1],
    ]);
  });

  it('keeps cohort rows apart (Category Type filled)', async () => {
    const e = await read(`${HEADER_27}\n${row27({ value: '1' })}\n${row27({ catType: 'Ethnic groups', cat: 'Asian', value: '2' })}\n`);
    expect(e.rows.map((r) => [r.categoryType, r.category])).toEqual([[null, null], ['Ethnic groups', 'Asian']]);
  });
});

describe('mergeExtracts', () => {
  it('keeps one of two identical rows under different area types, and reports different figures', async () => {
    const a = await read(`${HEADER_27}\n${row27({ value: '1' })}\n${row27({ value: '1' }).replace('County & UA', 'District & UA')}\n${row27({ period: '2020', value: '2' })}\n`);
    const b = await read(`${HEADER_27}\n${row27({ period: '2020', value: '2.5' })}\n`);
    const merged = mergeExtracts([a, b]);
    expect(merged.rows.map((r) => r.value)).toEqual([1, 2]);
    expect(a.summary).toMatchObject({ rows_read: 3, rows_used: 2, rows_duplicate: 1 });
    expect(b.summary).toMatchObject({ rows_read: 1, rows_used: 0, rows_duplicate: 1 });
    expect(merged.diagnostics).toHaveLength(1);
    expect(merged.diagnostics[0]).toMatchObject({ code: 'row/duplicate-conflict', line: 2 });
    expect(merged.diagnostics[0]!.message).toContain('value 2 vs 2.5');
  });
});
