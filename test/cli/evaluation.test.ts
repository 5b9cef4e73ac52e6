import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckEnvelopeSchema } from '../../src/compute/check-schema.js';
import { ProgressEnvelopeSchema } from '../../src/compute/progress-schema.js';
import { SnapshotSchema } from '../../src/compute/snapshot-schema.js';
import { marmot } from '../helpers/cli.js';
import { ROOT } from '../helpers/shared.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const LUTON = 'fixtures/luton.csv';
const E = { area: 'E92000001', areaName: 'England', parent: '' };

describe('marmot snapshot', () => {
  it('writes the same bytes for the same data, with provenance (name, size, SHA-256)', () => {
    const dir = scratch({});
    expect(marmot(['snapshot', LUTON, '--area', 'Luton', '-o', join(dir, 'a.json'), '-q']).status).toBe(0);
    expect(marmot(['snapshot', LUTON, '--area', 'Luton', '-o', join(dir, 'b.json'), '-q']).status).toBe(0);
    const a = readFileSync(join(dir, 'a.json'));
    expect(readFileSync(join(dir, 'b.json')).equals(a)).toBe(true);
    const snap = SnapshotSchema.parse(JSON.parse(a.toString()));
    const bytes = readFileSync(join(ROOT, LUTON));
    expect(snap.provenance.inputs[0]).toMatchObject({ file: LUTON, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(snap).toMatchObject({ stamp: null, options: { areas: ['E06000032'], seed: 1, repetitions: 100000 }, latest_period: '2022/23' });
    expect(snap.baseline.length).toBeGreaterThan(30);
    expect(snap.gaps.length).toBeGreaterThan(30);
  });

  it('names the file from the area and the latest period when -o is a folder, and never overwrites without --force', () => {
    const dir = scratch({});
    expect(marmot(['snapshot', LUTON, '--area', 'Luton', '-o', dir, '-q']).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['E06000032-2022-23.json']);
    const again = marmot(['snapshot', LUTON, '--area', 'Luton', '-o', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/E06000032-2022-23\.json: a snapshot is already there; use --force to replace it/);
    expect(marmot(['snapshot', LUTON, '--area', 'Luton', '-o', dir, '--force', '-q']).status).toBe(0);
  });

  it('records the time only with --stamp (SOURCE_DATE_EPOCH honoured)', () => {
    const dir = scratch({});
    marmot(['snapshot', LUTON, '--area', 'Luton', '-o', join(dir, 's.json'), '--stamp', '-q'], { env: { SOURCE_DATE_EPOCH: '1790000000' } });
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).stamp).toBe('2026-09-21T14:13:20.000Z');
  });
});

// Two real-format extracts with known changes between them.
const row = (id: string, period: string, value: number, lo: number | null, hi: number | null, extra: Record<string, string> = {}) =>
  row27({ id, period, value: String(value), lo: lo === null ? '' : String(lo), hi: hi === null ? '' : String(hi), ...extra });
const extract = (year: string, v: { improve: [number, number, number]; worsen: [number, number, number]; same: [number, number, number]; counts: [number, number] }) => [
  HEADER_27,
  row('90631', year, v.improve[0], v.improve[1], v.improve[2]), row('90631', year, 65, 64, 66, E),
  row('92443', year, v.worsen[0], v.worsen[1], v.worsen[2]), row('92443', year, 14, 13.5, 14.5, E),
  row('90366', year, v.same[0], v.same[1], v.same[2]), row('90366', year, 80, 79.9, 80.1, E),
  row('20101', year, (v.counts[0] / v.counts[1]) * 100, null, null, { count: String(v.counts[0]), den: String(v.counts[1]) }),
  row('20101', year, 3, 2.9, 3.1, { ...E, count: '3000', den: '100000' }),
].join('\n');

describe('marmot progress', () => {
  const dir = scratch({
    '2019.csv': extract('2019', { improve: [60, 58, 62], worsen: [15, 14, 16], same: [78, 77, 79], counts: [40, 1000] }),
    '2023.csv': extract('2023', { improve: [70, 68, 72], worsen: [20, 19, 21], same: [78.5, 77.5, 79.5], counts: [80, 1000] }),
  });
  marmot(['snapshot', join(dir, '2019.csv'), '-o', join(dir, 'base.json'), '-q']);
  marmot(['snapshot', join(dir, '2023.csv'), '-o', join(dir, 'now.json'), '-q']);

  it('judges each indicator by polarity and overlapping CIs, deriving CIs from counts where missing', () => {
    const env = ProgressEnvelopeSchema.parse(JSON.parse(marmot(['progress', '--since', join(dir, 'base.json'), join(dir, '2023.csv'), '--format', 'json', '-q']).stdout));
    const by = Object.fromEntries(env.indicators.map((r) => [r.indicator_id, r]));
    expect(by[90631]).toMatchObject({ baseline_period: '2019', baseline_value: 60, current_period: '2023', current_value: 70, change: 10, direction: 'improved', derived: false });
    expect(by[92443]).toMatchObject({ direction: 'worsened', change: 5 });
    expect(by[90366]).toMatchObject({ direction: 'no significant change' });
    expect(by[20101]).toMatchObject({ direction: 'worsened', derived: true });
    expect(by[90631]!.relative_change).toBeCloseTo(1 / 6, 12);
    expect(env.summary.find((s) => s.principle === 'prevention')!.text).toBe('1 worsened');
  });

  it('gives the same answer from a current snapshot as from the extract', () => {
    const fromFile = JSON.parse(marmot(['progress', '--since', join(dir, 'base.json'), join(dir, '2023.csv'), '--format', 'json', '-q']).stdout);
    const fromSnapshot = JSON.parse(marmot(['progress', '--since', join(dir, 'base.json'), join(dir, 'now.json'), '--format', 'json']).stdout);
    expect(fromSnapshot.indicators).toEqual(fromFile.indicators);
    expect(fromSnapshot.current.source).toBe('snapshot');
  });

  it('prints a summary per principle', () => {
    const out = marmot(['progress', '--since', join(dir, 'base.json'), join(dir, 'now.json')]).stdout;
    expect(out).toMatch(/1\. Give every child the best start in life \(best-start\)\n1 improved, 1 worsened\n/);
  });

  it('refuses a baseline that is not a snapshot (exit 2)', () => {
    const r = marmot(['progress', '--since', join(dir, '2019.csv'), join(dir, 'now.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2019\.csv: the snapshot is not JSON/);
  });
});

describe('marmot check', () => {
  it('a clean file passes (exit 0)', () => {
    const dir = scratch({ 'x.csv': extract('2019', { improve: [60, 58, 62], worsen: [15, 14, 16], same: [78, 77, 79], counts: [40, 1000] }) });
    const r = marmot(['check', join(dir, 'x.csv')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No findings\./);
  });

  it('a file with one of each finding exits 1 and lists every finding with its line', () => {
    const good = [HEADER_27, row('90631', '2018', 60, 58, 62), row('90631', '2019', 61, 59, 63), row('92443', '2018', 15, 14, 16), row('92443', '2019', 15, 14, 16),
      row('90631', '2019', 63, 62, 64, { area: 'E12000006', areaName: 'East of England region', parent: 'E92000001' }), row('90631', '2019', 65, 64, 66, E), row('93881', '2019', 20, 19, 21)].join('\n');
    const dir = scratch({ 'good.csv': good });
    marmot(['snapshot', join(dir, 'good.csv'), '--area', 'E06000032', '-o', join(dir, 'snap.json'), '-q']);
    const header = HEADER_27.replace(',Time period range', ',Time period span');
    const bad = [header,
      row('90631', '2018', 60.5, 58, 62),                               // 2: revision of a historical value
      row('90631', '2019', 'abc' as never, 59, 63, { age: '16+ yrs' }), // 3: unreadable field
      row('90631', '2019', 50, 59, 63, { age: '5 yrs' }),               // 4: value outside its CI
      row('20101', '2019', 5, 6, 4),                                    // 5: lower above upper
      row('20101', '2019', 120, 110, 130, { sex: 'Male' }),             // 6: proportion outside 0–100
      row('20101', '2019', 80, 70, 90, { sex: 'Female', count: '90', den: '80' }), // 7: count above denominator
      row('20101', '2019', 5, 4, 6, { age: '18+ yrs', count: '-5', den: '100' }), // 8: negative count
      row('20101', '2019', 5.1, 4, 6, { age: '18+ yrs', count: '-5', den: '100' }), // 9: duplicate with other figures
      row('90631', '2019', 70, 69, 71, { eng: 'Similar' }),             // 10: published judgement not reproduced
      row('90631', '2019', 65, 64, 66, E),
      row('92443', '2019', 15, 14, 16),                                 // 92443 2018 gone; the region and 93881 gone
    ].join('\n');
    writeFileSync(join(dir, 'bad.csv'), bad);
    writeFileSync(join(dir, 'expect.csv'), 'indicator_id,area_code,period\n93088,,\n');
    const r = marmot(['check', join(dir, 'bad.csv'), '--against', join(dir, 'snap.json'), '--expect', join(dir, 'expect.csv'), '--format', 'json']);
    expect(r.status).toBe(1);
    const env = CheckEnvelopeSchema.parse(JSON.parse(r.stdout));
    const got = env.findings.map((f) => `${f.code}@${f.line ?? '-'}`);
    for (const want of ['row/invalid-number@3', 'row/value-outside-ci@4', 'row/lower-above-upper@5', 'row/proportion-out-of-range@6',
      'row/count-above-denominator@7', 'row/negative-count@8', 'row/duplicate-conflict@9', 'judgement/not-reproduced@10', 'revision/value-changed@2',
      'file/column-renamed@1', 'coverage/missing-indicator@-', 'coverage/missing-area@-', 'coverage/missing-period@-', 'coverage/missing-indicator@2']) {
      expect(got).toContain(want);
    }
    expect(env.findings.find((f) => f.code === 'revision/value-changed')).toMatchObject({ severity: 'warning', message: expect.stringContaining('was 60 (58–62), now 60.5 (58–62)') });
    expect(env.findings.find((f) => f.code === 'coverage/missing-area')!.message).toBe('area E12000006 is in the snapshot but not in the data');
    const table = marmot(['check', join(dir, 'bad.csv'), '--against', join(dir, 'snap.json')]).stdout;
    expect(table).toMatch(/bad\.csv:4: error: row\/value-outside-ci: Value: indicator 90631, E06000032, 2019: value 50 is outside its own 95% CI 59–63/);
  });

  it('one file is checked an indicator at a time: the same findings and counts as the whole file at once (stdin)', () => {
    // The sample is grouped by indicator (streaming); standard input is read whole.
    const text = readFileSync(join(ROOT, LUTON), 'utf8');
    const expected = scratch({ 'expect.csv': 'indicator_id,area_code,period\n90366,E06000032,\n90366,,1999\n99999,,\n' });
    const args = ['--format', 'json', '--fail-on', 'never', '--expect', join(expected, 'expect.csv')];
    const streamed = JSON.parse(marmot(['check', join(ROOT, LUTON), ...args]).stdout);
    const whole = JSON.parse(marmot(['check', '-', ...args], { input: text }).stdout);
    expect(streamed.findings.filter((f: { code: string }) => f.code.startsWith('coverage/')).map((f: { line: number }) => f.line)).toEqual([3, 4]);
    const named = (env: { findings: { file: string }[]; inputs: { file: string }[] }) => JSON.stringify({ ...env, findings: env.findings.map((f) => ({ ...f, file: 'x' })), inputs: env.inputs.map((i) => ({ ...i, file: 'x' })) });
    expect(named(streamed)).toBe(named(whole));
    // Read by the two reading threads in blocks of 20 KB, as a national file is read in blocks of 4 MB.
    const inTwo = JSON.parse(marmot(['check', join(ROOT, LUTON), ...args], { env: { MARMOT_PARALLEL_MIN: '0', MARMOT_BLOCK_BYTES: '20000' } }).stdout);
    expect(named(inTwo)).toBe(named(whole));
    const bad = marmot(['check', join(ROOT, LUTON)], { env: { MARMOT_BLOCK_BYTES: 'big' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/MARMOT_BLOCK_BYTES: expected a whole number of bytes of at least 1, got "big"/);
    expect(streamed.counts.warning).toBeGreaterThan(0);
    // A conflicting duplicate split across two blocks of the same indicator is still found: the
    // file is not grouped, so it is checked whole.
    const rows = [HEADER_27, row('90631', '2019', 60, 58, 62), row('92443', '2019', 15, 14, 16), row('90631', '2019', 61, 58, 62)];
    const dir = scratch({ 'split.csv': rows.join('\n'), 'grouped.csv': [rows[0], rows[1], rows[3], rows[2]].join('\n') });
    for (const file of ['split.csv', 'grouped.csv']) {
      const env = JSON.parse(marmot(['check', join(dir, file), '--format', 'json']).stdout);
      expect(env.findings.map((f: { code: string }) => f.code)).toContain('row/duplicate-conflict');
      expect(env.inputs[0]).toMatchObject({ rows_read: 3, rows_used: 2, rows_duplicate: 1 });
    }
  });

  it('--max-findings lists the first n of each code and counts them all', () => {
    const dir = scratch({ 'x.csv': [HEADER_27, row('90631', '2017', 50, 59, 63), row('90631', '2018', 50, 59, 63), row('90631', '2019', 50, 59, 63)].join('\n') });
    const env = CheckEnvelopeSchema.parse(JSON.parse(marmot(['check', join(dir, 'x.csv'), '--format', 'json', '--max-findings', '1']).stdout));
    expect(env.counts.error).toBe(3);
    expect(env.findings.map((f) => `${f.code}@${f.line}`)).toEqual(['row/value-outside-ci@2']);
    expect(env.omitted).toEqual({ 'row/value-outside-ci': 2 });
    expect(marmot(['check', join(dir, 'x.csv'), '--max-findings', '1']).stdout).toMatch(/… and 2 more row\/value-outside-ci \(counted above; --max-findings 0 lists them all\)/);
    const all = JSON.parse(marmot(['check', join(dir, 'x.csv'), '--format', 'json']).stdout);
    expect(all.findings).toHaveLength(3);
    expect(all).not.toHaveProperty('omitted');
    expect(marmot(['check', join(dir, 'x.csv'), '--max-findings', 'many']).status).toBe(2);
  });

  it('--strict makes revisions errors; --fail-on warning fails on warnings', () => {
    const dir = scratch({ 'a.csv': [HEADER_27, row('90631', '2019', 60, 58, 62), row('90631', '2019', 61, 60, 62, E)].join('\n') });
    marmot(['snapshot', join(dir, 'a.csv'), '-o', join(dir, 's.json'), '-q']);
    writeFileSync(join(dir, 'b.csv'), [HEADER_27, row('90631', '2019', 60.2, 58, 62), row('90631', '2019', 61, 60, 62, E)].join('\n'));
    expect(marmot(['check', join(dir, 'b.csv'), '--against', join(dir, 's.json')]).status).toBe(0);
    expect(marmot(['check', join(dir, 'b.csv'), '--against', join(dir, 's.json'), '--fail-on', 'warning']).status).toBe(1);
    expect(marmot(['check', join(dir, 'b.csv'), '--against', join(dir, 's.json'), '--strict']).status).toBe(1);
  });

  it('reports a latest period older than the snapshot', () => {
    const dir = scratch({ 'new.csv': [HEADER_27, row('90631', '2019', 60, 58, 62), row('90631', '2020', 61, 59, 63)].join('\n') });
    marmot(['snapshot', join(dir, 'new.csv'), '-o', join(dir, 's.json'), '-q']);
    writeFileSync(join(dir, 'old.csv'), [HEADER_27, row('90631', '2019', 60, 58, 62)].join('\n'));
    const env = JSON.parse(marmot(['check', join(dir, 'old.csv'), '--against', join(dir, 's.json'), '--format', 'json']).stdout);
    expect(env.findings.map((f: any) => f.code)).toEqual(expect.arrayContaining(['coverage/older-latest-period', 'coverage/missing-period']));
  });

  it.each([
    ['not a CSV of Fingertips columns', 'hello,world\n1,2\n', /the header is not a Fingertips extract/],
    ['empty', '', /the file is empty/],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]), /UTF-16/],
  ])('could not run (exit 2) on a file that is %s', (_, content, message) => {
    const dir = scratch({ 'x.csv': content });
    const r = marmot(['check', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
