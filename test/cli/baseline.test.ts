import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BaselineEnvelopeSchema } from '../../src/compute/baseline-schema.js';
import { marmot } from '../helpers/cli.js';
import { ROOT } from '../helpers/shared.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const LUTON = 'fixtures/luton.csv';

describe('marmot baseline fixtures/luton.csv', () => {
  it.each(['table', 'json', 'csv', 'md'])('writes the %s golden output', async (format) => {
    const r = marmot(['baseline', LUTON, '--area', 'E06000032', '--format', format]);
    expect(r.stderr).toBe('fixtures/luton.csv: 4,153 rows read (fingertips-csv/27): 1,512 used, 0 rejected, 2,641 outside the selection, 0 duplicate\n');
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/baseline.luton.${format === 'table' ? 'txt' : format}`);
  });

  it('fits a 100-column terminal and groups indicators under the principles in order, unmapped last', () => {
    const { stdout } = marmot(['baseline', LUTON, '--area', 'E06000032']);
    const widest = Math.max(...stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(100);
    const headings = stdout.split('\n').filter((l) => /\((overarching|best-start|capabilities|fair-employment|living-standard|healthy-places|prevention|discrimination|sustainability|unmapped)\)$/.test(l));
    expect(headings.map((h) => h.match(/\(([a-z-]+)\)$/)![1])).toEqual([
      'overarching', 'best-start', 'capabilities', 'fair-employment', 'living-standard', 'healthy-places', 'prevention', 'discrimination', 'sustainability',
    ]);
  });

  it('flags the judgements that differ from the published ones', () => {
    const { stdout } = marmot(['baseline', LUTON, '--area', 'E06000032']);
    expect(stdout).toContain('* differs from the judgement Fingertips published (2):');
    expect(stdout).toMatch(/92313 Luton Persons, 16-64 yrs, 2022\/23: vs England marmot Worse, Fingertips published Similar/);
  });

  it('emits a JSON envelope that its schema accepts, with the fields the issue names', () => {
    const env = JSON.parse(marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json']).stdout);
    expect(BaselineEnvelopeSchema.safeParse(env).success).toBe(true);
    expect(env.schema).toBe('marmot/baseline@1');
    const row = env.rows.find((r: any) => r.indicator_id === 90631 && r.sex === 'Persons');
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['indicator_id', 'indicator_name', 'principle', 'area_code', 'area_name', 'period', 'sex', 'age', 'value', 'lower_ci_95', 'upper_ci_95', 'count', 'denominator', 'polarity', 'england', 'parent', 'trend']));
    expect(Object.keys(row.england)).toEqual(expect.arrayContaining(['area_code', 'value', 'computed', 'published', 'agrees']));
    expect(Object.keys(row.trend)).toEqual(expect.arrayContaining(['computed', 'published', 'agrees']));
    expect(row.parent.area_code).toBe('E12000006');
    expect(env.inputs[0]).toMatchObject({ rows_read: 4153, rows_used: 1512, rows_rejected: 0 });
  });

  it('keeps a suppressed value missing (null with its note), never 0', () => {
    const env = JSON.parse(marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json']).stdout);
    const row = env.rows.find((r: any) => r.indicator_id === 20401);
    expect(row).toMatchObject({ value: null, missing_reason: 'Value suppressed for disclosure control due to small count' });
    expect(row.england.computed).toBe('Not compared');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json']).stdout).toBe(marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json']).stdout);
  });

  it('selects a period, a principle and an area by name', () => {
    const env = JSON.parse(marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json', '--area', 'luton', '--principle', 'Tackle climate change', '--period', '2019']).stdout);
    expect(new Set(env.rows.map((r: any) => r.principle))).toEqual(new Set(['sustainability']));
    expect(new Set(env.rows.map((r: any) => r.period))).toEqual(new Set(['2019']));
  });

  it('reads standard input and gzip', () => {
    const csv = readFileSync(join(ROOT, LUTON));
    const rows = (stdout: string) => JSON.parse(stdout).rows.map(({ source, ...rest }: any) => ({ ...rest, line: source.line }));
    const plain = rows(marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json']).stdout);
    expect(rows(marmot(['baseline', '-', '--area', 'E06000032', '--format', 'json'], { input: csv }).stdout)).toEqual(plain);
    const dir = scratch({ 'luton.csv.gz': gzipSync(csv) });
    const zipped = marmot(['baseline', join(dir, 'luton.csv.gz'), '--area', 'E06000032', '--format', 'json']);
    expect(rows(zipped.stdout)).toEqual(plain);
    expect(JSON.parse(zipped.stdout).inputs[0].gzip).toBe(true);
  });

  it('writes -o atomically and nothing to stdout', () => {
    const dir = scratch({});
    const r = marmot(['baseline', LUTON, '--area', 'E06000032', '--format', 'json', '-o', join(dir, 'out.json'), '-q']);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).rows.length).toBeGreaterThan(30);
  });

  it('merges several files and reports conflicting duplicates', () => {
    const dir = scratch({
      'a.csv': `${HEADER_27}\n${row27({ value: '80', lo: '79', hi: '81' })}\n`,
      'b.csv': `${HEADER_27}\n${row27({ value: '80.5', lo: '79', hi: '81' })}\n${row27({ period: '2020', value: '81', lo: '80', hi: '82' })}\n`,
    });
    const r = marmot(['baseline', join(dir, 'a.csv'), join(dir, 'b.csv'), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/b\.csv:2: warning: indicator 90366, E06000032, Persons, All ages, 2019 is also at .*a\.csv:2 with other figures \(value 80 vs 80\.5\)/);
    expect(JSON.parse(r.stdout).rows[0].period).toBe('2020');
  });

  it('--derive-ci fills missing CIs from count and denominator and marks the judgements derived', () => {
    const lines = [HEADER_27, row27({ id: '90631', area: 'E92000001', areaName: 'England', parent: '', value: '70', count: '7000', den: '10000' })];
    lines.push(row27({ id: '90631', value: '60', count: '600', den: '1000' }));
    const dir = scratch({ 'x.csv': `${lines.join('\n')}\n` });
    const plain = JSON.parse(marmot(['baseline', join(dir, 'x.csv'), '--format', 'json']).stdout).rows[0];
    expect(plain).toMatchObject({ lower_ci_95: null, derived_ci: false, england: { computed: 'Not compared', derived: false } });
    const derived = JSON.parse(marmot(['baseline', join(dir, 'x.csv'), '--format', 'json', '--derive-ci']).stdout);
    expect(derived.options.derive_ci).toBe(true);
    expect(derived.rows[0]).toMatchObject({ derived_ci: true, england: { computed: 'Worse', derived: true } });
    expect(derived.rows[0].lower_ci_95).toBeCloseTo(56.93, 2);
    expect(marmot(['baseline', join(dir, 'x.csv'), '--derive-ci']).stdout).toMatch(/Worseᵈ/);
  });

  it('a district with a county parent: the fast path (codes) finds the county and agrees with the ordinary path (names)', () => {
    const county = { area: 'E10000003', areaName: 'Cambridgeshire', parent: 'E12000006' };
    const district = { area: 'E07000008', areaName: 'Cambridge', parent: 'E10000003' };
    const lines = [HEADER_27,
      row27({ ...county, value: '81', lo: '80', hi: '82' }),
      row27({ id: '90366', area: 'E92000001', areaName: 'England', parent: '', value: '80', lo: '79.9', hi: '80.1' }),
      row27({ ...district, value: '83', lo: '82', hi: '84' }),
      row27({ area: 'E07000009', areaName: 'East Cambridgeshire', parent: 'E10000003', value: '82', lo: '81', hi: '83' }),
    ];
    const dir = scratch({ 'd.csv': `${lines.join('\r\n')}\r\n` });
    const fast = marmot(['baseline', join(dir, 'd.csv'), '--area', 'E07000008', '--format', 'json']);
    const slow = marmot(['baseline', join(dir, 'd.csv'), '--area', 'Cambridge', '--format', 'json']);
    expect(fast.stderr).toBe(slow.stderr);
    expect(JSON.parse(fast.stdout).rows).toEqual(JSON.parse(slow.stdout).rows);
    expect(JSON.parse(fast.stdout).rows[0].parent).toMatchObject({ area_code: 'E10000003', value: 81, computed: 'Better' });
    expect(fast.stderr).toMatch(/4 rows read .*: 3 used, 0 rejected, 1 outside the selection/);
  });

  it('a second parent named after its rows were dropped early is read again in full (file) and equals stdin (kept to the end)', () => {
    // Indicator 1 names the region as parent, so the county's rows of indicator 2 are dropped when
    // read (its row of indicator 1 came before any parent was named, and was kept); the district
    // then names the county, which must be read again, rows and counts intact.
    const region = { area: 'E12000006', areaName: 'East of England', parent: 'E92000001' };
    const county = { area: 'E10000003', areaName: 'Cambridgeshire', parent: 'E12000006' };
    const lines = [HEADER_27,
      row27({ id: '90366', ...county, value: '82', lo: '81', hi: '83' }),
      row27({ id: '90366', ...region, value: '81', lo: '80', hi: '82' }),
      row27({ id: '90366', area: 'E92000001', areaName: 'England', parent: '', value: '80', lo: '79.9', hi: '80.1' }),
      row27({ id: '90366', area: 'E07000008', areaName: 'Cambridge', parent: 'E12000006', value: '83', lo: '82', hi: '84' }),
      row27({ id: '90366', area: 'E12000007', areaName: 'London region', parent: 'E92000001', value: '79', lo: '78', hi: '80' }),
      row27({ id: '92196', ...county, value: '20', lo: '19', hi: '21' }),
      row27({ id: '92196', ...county, period: '2020', value: '21', lo: '20', hi: '22' }),
      row27({ id: '92196', area: 'E92000001', areaName: 'England', parent: '', value: '22', lo: '21.9', hi: '22.1' }),
      row27({ id: '92196', area: 'E07000008', areaName: 'Cambridge', parent: 'E10000003', value: '25', lo: '24', hi: '26' }),
    ];
    const text = `${lines.join('\n')}\n`;
    const dir = scratch({ 'p.csv': text });
    for (const area of ['E07000008', 'Cambridge']) {
      const fromFile = marmot(['baseline', join(dir, 'p.csv'), '--area', area, '--format', 'json']);
      const fromStdin = marmot(['baseline', '-', '--area', area, '--format', 'json'], { input: text });
      expect(fromFile.status).toBe(0);
      const rows = JSON.parse(fromFile.stdout.replaceAll(JSON.stringify(join(dir, 'p.csv')).slice(1, -1), '<stdin>')).rows;
      expect(rows).toEqual(JSON.parse(fromStdin.stdout).rows);
      expect(rows.find((r: { indicator_id: number }) => r.indicator_id === 92196).parent).toMatchObject({ area_code: 'E10000003', value: 20 });
      expect(fromFile.stderr).toMatch(/9 rows read .*: 8 used, 0 rejected, 1 outside the selection/);
      expect(fromStdin.stderr).toMatch(/9 rows read .*: 8 used, 0 rejected, 1 outside the selection/);
    }
  });

  it('exits 1 with --fail-on mismatch when a published judgement differs', () => {
    expect(marmot(['baseline', LUTON, '--area', 'E06000032', '--fail-on', 'mismatch', '-q']).status).toBe(1);
    expect(marmot(['baseline', LUTON, '--area', 'E06000032', '--fail-on', 'error', '-q']).status).toBe(0);
  });
});

describe('errors and exit codes', () => {
  it.each([
    [['baseline'], /missing required argument 'file/],
    [['baseline', LUTON, '--area', 'E06000032', '--format', 'xml'], /argument 'xml' is invalid/],
    [['baseline', LUTON, '--area', 'E06000032', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('a usage error exits 2: %j', (args, message) => {
    const r = marmot(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file exits 2 with one line naming it', () => {
    const r = marmot(['baseline', 'no-such.csv']);
    expect(r).toMatchObject({ status: 2, stdout: '', stderr: 'marmot: no-such.csv: cannot read the file (ENOENT)\n' });
  });

  it('an unrecognised header exits 2 and lists the columns expected', () => {
    const dir = scratch({ 'x.csv': 'area,period,value\nE06000032,2019,1\n' });
    const r = marmot(['baseline', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x\.csv:1: the header is not a Fingertips extract: no Indicator ID, Area Code, Time period column\n  expected columns: Indicator ID, Indicator Name, Area Code/);
  });

  it('a file with no usable row exits 2 and names the first problem', () => {
    const dir = scratch({ 'x.csv': `${HEADER_27}\n${row27({ value: 'oops' })}\n` });
    const r = marmot(['baseline', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no usable rows \(1 read, 1 rejected, 0 outside the selection\)\n  first problem: .*x\.csv:2: error: Value: expected a number or a blank, got "oops" \[row\/invalid-number\]/);
  });

  it('several local areas and no --area exits 2 and lists them', () => {
    const dir = scratch({ 'x.csv': `${HEADER_27}\n${row27({ value: '1' })}\n${row27({ area: 'E06000033', areaName: 'Southend-on-Sea', value: '2' })}\n` });
    const r = marmot(['baseline', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2 local areas; choose with --area .*E06000032 Luton, E06000033 Southend-on-Sea/);
  });

  it('an unknown area exits 2', () => {
    expect(marmot(['baseline', LUTON, '--area', 'E06000032', '--area', 'Atlantis']).status).toBe(2);
  });

  it('the sample holds several local areas: without --area it stops and lists them', () => {
    const r = marmot(['baseline', LUTON]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/6 local areas; choose with --area .*E06000032 Luton/);
  });

  it('--red-red keeps the indicators significantly worse than England and getting worse', () => {
    const env = JSON.parse(marmot(['baseline', LUTON, '--area', 'E06000032', '--red-red', '--format', 'json']).stdout);
    expect(env.options.red_red).toBe(true);
    expect(env.rows.length).toBeGreaterThan(0);
    for (const r of env.rows) {
      expect(r.england.computed).toBe('Worse');
      expect(r.trend.computed).toMatch(/getting worse$/);
    }
  });

  it('a rejected row is reported on stderr with file, line and column, and the run goes on (exit 0; 1 with --fail-on error)', () => {
    const dir = scratch({ 'x.csv': `${HEADER_27}\n${row27({ value: '80', lo: '79', hi: '81' })}\n${row27({ period: '2020', value: '8o' })}\n` });
    const r = marmot(['baseline', join(dir, 'x.csv')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/x\.csv:3: error: Value: expected a number or a blank, got "8o" \[row\/invalid-number\]/);
    expect(marmot(['baseline', join(dir, 'x.csv'), '--fail-on', 'error']).status).toBe(1);
  });

  it('`marmot … | head` ends quietly with 0', () => {
    const big = scratch({});
    const lines = [HEADER_27];
    for (let i = 0; i < 3000; i++) lines.push(row27({ id: String(90000 + i), value: '1', period: '2019' }));
    writeFileSync(join(big, 'big.csv'), lines.join('\n'));
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `set -o pipefail; node ${join(ROOT, 'bin/marmot.js')} baseline ${join(big, 'big.csv')} --format csv -q | head -1`], { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    expect(r.stdout.split('\n')[0]).toMatch(/^principle,indicator_id/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('help and version exit 0 and list the exit codes', () => {
    const help = marmot(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n  0  ran/);
    expect(marmot(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(marmot(['baseline', '--help']).stdout).toMatch(/--area <area>/);
  });

  it('never colours with NO_COLOR, even when forced by FORCE_COLOR', () => {
    expect(marmot(['baseline', LUTON, '--area', 'E06000032'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(marmot(['baseline', LUTON, '--area', 'E06000032', '--color']).stdout).toMatch(/\x1b\[/);
  });
});
