import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { marmot } from '../helpers/cli.js';
import { REALDATA, ROOT, hasRealData } from '../helpers/shared.js';
import { HEADER_27, scratch } from '../helpers/temp.js';
import { readMetadata } from '../../src/io/read-metadata.js';
import { Readable } from 'node:stream';

interface Point { id: string; name: string; area: string; areaName: string; parent: string; period: string; value: string; lo?: string; hi?: string; count?: string; den?: string; note?: string }

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** The same numbers in Fingertips' 27-column format. */
function fingertips(points: Point[]): string {
  return [HEADER_27, ...points.map((p) => [p.id, p.name, p.parent, '', p.area, p.areaName, '', 'Persons', 'All ages', '', '', p.period, p.value, p.lo ?? '', p.hi ?? '', '', '',
    p.count ?? '', p.den ?? '', p.note ?? '', '', '', '', '', '', '', ''].map(q).join(','))].join('\n');
}

const AREAS = [['E06000032', 'Luton', 'E12000006'], ['E12000006', 'East of England', 'E92000001'], ['E92000001', 'England', '']] as const;
const LOOKUP = `area_code,area_name,parent_code\n${AREAS.map((a) => a.join(',')).join('\n')}\n`;
const rowsOf = (stdout: string) => JSON.parse(stdout).rows.map(({ source, matched_by, ...r }: any) => r);

describe('local JSNA tables described in marmot.config.json', () => {
  it('a wide table (a column per year, suppression marks, area names only) gives the same baseline as the same numbers in Fingertips format', () => {
    const years = ['2019', '2020', '2021', '2022', '2023'];
    const values: Record<string, string[]> = { Luton: ['12.8', '*', '13.4', '13.1', '13.9'], 'East of England': ['[c]', '10.9', '11.2', '11.0', '11.6'], England: ['13.4', '13.2', '13.1', '13.0', '13.1'] };
    const temp: Record<string, string[]> = { Luton: ['4.1', '4.6', '5.2', '5.9', '6.4'], 'East of England': ['2.2', '2.3', '2.5', '2.8', '3.0'], England: ['3.6', '3.8', '4.0', '4.2', '4.6'] };
    const fuel = 'B17 - Fuel poverty (low income, low energy efficiency methodology)';
    const wide = [`Measure,Area,${years.join(',')}`,
      ...Object.entries(values).map(([a, v]) => `${q(fuel)},${a},${v.join(',')}`),
      ...Object.entries(temp).map(([a, v]) => `Temporary accommodation per 1000,${a},${v.join(',')}`)].join('\n');
    const notes: Record<string, string> = { '*': 'fewer than 5 households (*)', '[c]': 'confidential ([c])' };
    const points: Point[] = [];
    for (const [area, code, parent] of AREAS.map(([c, n, p]) => [n, c, p] as const)) {
      years.forEach((y, i) => {
        const v = values[area]![i]!;
        points.push({ id: '93759', name: fuel, area: code, areaName: area, parent, period: y, value: notes[v] ? '' : v, note: notes[v] });
        points.push({ id: 'LOCAL-TA', name: 'Temporary accommodation per 1000', area: code, areaName: area, parent, period: y, value: temp[area]![i]! });
      });
    }
    const config = {
      areas: { codes: ['E06000032'], lookup: 'areas.csv' },
      sources: [{ files: 'wide.csv', shape: 'wide', columns: { indicator_name: 'Measure', area_name: 'Area' }, suppression: { '*': 'fewer than 5 households', '[c]': 'confidential' } }],
      indicators: [{ id: 'LOCAL-TA', name: 'Temporary accommodation per 1000', principle: 'Healthy and sustainable places and communities', polarity: 'low-is-good', unit: 'per 1,000 households' }],
    };
    const dir = scratch({ 'wide.csv': wide, 'ft.csv': fingertips(points), 'areas.csv': LOOKUP, 'marmot.config.json': JSON.stringify(config) });
    const fromWide = marmot(['baseline', 'wide.csv', '--format', 'json'], { cwd: dir });
    const fromFingertips = marmot(['baseline', 'ft.csv', '--format', 'json'], { cwd: dir });
    expect(fromWide.status).toBe(0);
    expect(rowsOf(fromWide.stdout)).toEqual(rowsOf(fromFingertips.stdout));
    const rows = rowsOf(fromWide.stdout);
    expect(rows.map((r: any) => [r.indicator_id, r.principle, r.value, r.england.value, r.parent.value])).toEqual([
      [93759, 'living-standard', 13.9, 13.1, 11.6], ['LOCAL-TA', 'healthy-places', 6.4, 4.6, 3],
    ]);
    expect(JSON.parse(fromWide.stdout).inputs[0]).toMatchObject({ dialect: 'config-wide', rows_read: 30, rows_used: 30 });
    // The suppressed value is missing with the config's meaning, never 0.
    const wideOut = JSON.parse(marmot(['baseline', 'wide.csv', '--format', 'json', '--period', '2020'], { cwd: dir }).stdout).rows;
    expect(wideOut.find((r: any) => r.indicator_id === 93759)).toMatchObject({ value: null, missing_reason: 'fewer than 5 households (*)' });
  });

  it('a long table with its own column names gives the same baseline as the same numbers in Fingertips format', () => {
    const long = ['Code,Indicator,Geography code,Geography,Year,Rate,LCI,UCI,Numerator,Population',
      '90631,School readiness,E06000032,Luton,2022/23,64.1,62.5,65.7,2147,3350',
      '90631,School readiness,E06000032,Luton,2021/22,[c],,,,',
      '90631,School readiness,E12000006,East of England,2022/23,67.9,67.5,68.3,46500,68500',
      '90631,School readiness,E92000001,England,2022/23,67.2,67.1,67.3,416700,620000'].join('\n');
    const points: Point[] = [
      { id: '90631', name: 'School readiness', area: 'E06000032', areaName: 'Luton', parent: 'E12000006', period: '2022/23', value: '64.1', lo: '62.5', hi: '65.7', count: '2147', den: '3350' },
      { id: '90631', name: 'School readiness', area: 'E06000032', areaName: 'Luton', parent: 'E12000006', period: '2021/22', value: '', note: 'confidential ([c])' },
      { id: '90631', name: 'School readiness', area: 'E12000006', areaName: 'East of England', parent: 'E92000001', period: '2022/23', value: '67.9', lo: '67.5', hi: '68.3', count: '46500', den: '68500' },
      { id: '90631', name: 'School readiness', area: 'E92000001', areaName: 'England', parent: '', period: '2022/23', value: '67.2', lo: '67.1', hi: '67.3', count: '416700', den: '620000' },
    ];
    const config = {
      areas: { codes: ['E06000032'], lookup: 'areas.csv' },
      sources: [{ files: 'long*.csv', shape: 'long', suppression: { '[c]': 'confidential' }, columns: { indicator_id: 'Code', indicator_name: 'Indicator', area_code: 'Geography code', area_name: 'Geography', period: 'Year', value: 'Rate', lower_ci_95: 'LCI', upper_ci_95: 'UCI', count: 'Numerator', denominator: 'Population' } }],
    };
    const dir = scratch({ 'long-2023.csv': long, 'ft.csv': fingertips(points), 'areas.csv': LOOKUP, 'marmot.config.json': JSON.stringify(config) });
    const a = marmot(['baseline', 'long-2023.csv', '--format', 'json'], { cwd: dir });
    const b = marmot(['baseline', 'ft.csv', '--format', 'json'], { cwd: dir });
    expect(a.status).toBe(0);
    expect(rowsOf(a.stdout)).toEqual(rowsOf(b.stdout));
    expect(rowsOf(a.stdout)[0]).toMatchObject({ indicator_id: 90631, england: { computed: 'Worse' }, parent: { area_code: 'E12000006', computed: 'Worse' } });
  });

  it("takes the unit and value type from the source when the table's columns do not give them", () => {
    const wide = 'Indicator,Area code,2021,2022\nLocal measure,E06000032,20,25\nLocal measure,E92000001,18,19\n';
    const config = { sources: [{ files: 'w.csv', shape: 'wide', columns: { indicator_name: 'Indicator', area_code: 'Area code' }, unit: 'per 1,000', value_type: 'Crude rate' }] };
    const dir = scratch({ 'w.csv': wide, 'marmot.config.json': JSON.stringify(config) });
    const [r] = JSON.parse(marmot(['baseline', 'w.csv', '--format', 'json'], { cwd: dir }).stdout).rows;
    expect(r).toMatchObject({ indicator_id: 'Local measure', principle: 'unmapped', unit: 'per 1,000', value_type: 'Crude rate', value: 25 });
  });

  it('names the config key when a table lacks a column it describes', () => {
    const dir = scratch({ 'l.csv': 'Code,Year\n1,2019\n', 'marmot.config.json': JSON.stringify({ sources: [{ files: 'l.csv', shape: 'long', columns: { indicator_id: 'Code', period: 'Year', value: 'Rate', area_code: 'Area' } }] }) });
    const r = marmot(['baseline', 'l.csv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/l\.csv:1: no column "Rate" \(sources\.columns\.value in the config\); the header has: Code, Year/);
  });
});

describe('--metadata', () => {
  it("Fingertips' metadata overrides the catalogue's polarity (space-padded, as real files are)", () => {
    const dir = scratch({ 'meta.csv': 'Indicator ID,Indicator,Unit,Value type,Year type,Polarity\n90631,School readiness,%,Proportion,Academic,"RAG - Low is good   "\n' });
    const before = JSON.parse(marmot(['baseline', 'fixtures/luton.csv', '--area', 'Luton', '--principle', 'best-start', '--format', 'json']).stdout).rows.find((r: any) => r.indicator_id === 90631 && r.sex === 'Persons');
    const after = JSON.parse(marmot(['baseline', 'fixtures/luton.csv', '--area', 'Luton', '--principle', 'best-start', '--format', 'json', '--metadata', join(dir, 'meta.csv')]).stdout).rows.find((r: any) => r.indicator_id === 90631 && r.sex === 'Persons');
    // The sample's published comparisons say high is good (as the catalogue does); the metadata says otherwise and wins.
    expect(before).toMatchObject({ polarity: 'high-is-good', polarity_source: 'published', england: { computed: 'Worse' } });
    expect(after).toMatchObject({ polarity: 'low-is-good', polarity_source: 'metadata', england: { computed: 'Better' } });
  });

  it.runIf(hasRealData)("reads FingertipsNext's indicator seed (a real file): polarity and benchmark method", async () => {
    const meta = await readMetadata(join(REALDATA, 'dhsc-govuk_FingertipsNext__lookup_indicators.csv'), Readable.from([]));
    expect(meta.size).toBe(37);
    expect(meta.get('41101')).toMatchObject({ polarity: 'low-is-good', method: 1, confidence: 0.95, valueType: 'Indirectly standardised proportion' });
    expect(meta.get('247')).toMatchObject({ polarity: 'no-judgement', method: 1, confidence: 0.998 });
    expect(meta.get('383')).toMatchObject({ method: null });
  });
});

describe('marmot init and the worked example', () => {
  it('init writes a valid starting config for an area, and refuses to overwrite', () => {
    const dir = scratch({});
    expect(marmot(['init', '--area', 'E06000032'], { cwd: dir }).status).toBe(0);
    const config = ConfigSchema.parse(JSON.parse(readFileSync(join(dir, 'marmot.config.json'), 'utf8')));
    expect(config.areas!.codes).toEqual(['E06000032']);
    expect((config.reference as any).indicators).toHaveLength(100);
    expect(marmot(['init', '--area', 'E06000032'], { cwd: dir }).status).toBe(2);
  });

  it('fixtures/jsna: map and baseline from the config in the folder (golden)', async () => {
    const cwd = join(ROOT, 'fixtures', 'jsna');
    const map = marmot(['map', 'luton-jsna-wide.csv', 'luton-jsna-long.csv', '-q'], { cwd });
    expect(map.stdout).toMatch(/LUT-HOUSING-01 +Households in temporary accommodation per 1,000 +15 +config/);
    expect(map.stdout).toMatch(/93759 +B17 - Fuel poverty.* +15 +name/);
    const r = marmot(['baseline', 'luton-jsna-wide.csv', 'luton-jsna-long.csv'], { cwd });
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/baseline.jsna.txt');
  });
});
