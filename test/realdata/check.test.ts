/* check on the real Fingertips extracts: one indicator at a time equals the whole file at once (skipped without ../shared/realdata). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { marmot } from '../helpers/cli.js';
import { REALDATA, hasRealData } from '../helpers/shared.js';

const suite = hasRealData ? describe : describe.skip;

const FILES = [
  'jargonautical_data-dev__indicators-CountyUA.data.csv',
  'Jezzaay_Mental-Health-Analysis__children-young-people_east-of-england.csv',
  'Jezzaay_Mental-Health-Analysis__suicides_east-of-england.csv',
  'MarinosIoannides_BikePoint_Analysis__adult_obesity.csv',
];

suite('check on real extracts', () => {
  it.each(FILES)('%s: streamed (file, on one reading thread and on two) and whole (stdin) give the same findings and counts; every row read', (name) => {
    const file = join(REALDATA, name);
    const text = readFileSync(file, 'utf8');
    const args = ['--format', 'json', '--fail-on', 'never', '--max-findings', '0'];
    const streamed = JSON.parse(marmot(['check', file, ...args]).stdout.replaceAll(JSON.stringify(file).slice(1, -1), '<stdin>'));
    const whole = JSON.parse(marmot(['check', '-', ...args], { input: text }).stdout);
    expect(streamed).toEqual(whole);
    // Read by the two reading threads, in blocks of 64 KB (a national file's path, on a small one).
    const inTwo = marmot(['check', file, ...args], { env: { MARMOT_PARALLEL_MIN: '0', MARMOT_BLOCK_BYTES: '65536' } }).stdout;
    expect(JSON.parse(inTwo.replaceAll(JSON.stringify(file).slice(1, -1), '<stdin>'))).toEqual(whole);
    // Every data record read (an independent csv-parse count) and none rejected.
    expect(streamed.inputs[0].rows_read).toBe(parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }).length - 1);
    expect(streamed.inputs[0].rows_rejected).toBe(0);
  });
});
