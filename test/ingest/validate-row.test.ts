/* The fast row validator against the zod schema it stands in for, on random raw rows. */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/ingest/headers.js';
import { RawRowSchema, type RawRow } from '../../src/ingest/row-schema.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { rowDecoder, rowEncoder } from '../../src/ingest/row-codec.js';
import { createRowValidator } from '../../src/ingest/validate-row.js';
import { seededUniform } from '../../src/stats/index.js';

const rand = seededUniform(2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const TEXT = ['', ' ', 'NA', 'Luton', '  Bristol,  City of ', '<div>Persons</div>', 'A &amp; B', '<script>x</script>', 'Male', '18+ yrs', 'E12000006'];
const NUMBER = ['', '12.5', ' 7 ', '-3', '1e3', '74,588', '.5', 'NA', '-', '*', '[c]', '<div class="no-data">-</div>', 'abc', '1.2.3', '12,34', 'x', 'z'];
const PERIOD = ['2019', '2019/20', '2018 - 20', '2017/18 - 19/20', '2019/20 Q3', 'Q3 2019', 'soon', '', ' ', 'NA', 'Jan 2020'];
const SORTABLE = ['', '20190000', '20190300', 'abc', '2019'];
const TREND = ['', 'Increasing & getting better', 'no significant change', 'Could not be calculated', 'Decreasing', 'odd'];
const COMPARE = ['', 'Better', 'NOT COMPARED', 'worse95', 'Similar', 'Highest quintile', ' lower '];
const FIELDS: Record<Field, readonly string[]> = {
  indicatorId: ['90366', '', ' 92 ', 'NA', 'local-1'], indicatorName: TEXT, parentCode: TEXT, parentName: TEXT,
  areaCode: ['E06000032', 'E92000001', 'E12000006', 'E05999901', '', 'NA', 'Luton'], areaName: TEXT, areaType: TEXT, sex: TEXT, age: TEXT,
  categoryType: TEXT, category: TEXT, timePeriod: PERIOD, timePeriodSortable: SORTABLE, value: NUMBER, lower95: NUMBER, upper95: NUMBER,
  lower998: NUMBER, upper998: NUMBER, count: NUMBER, denominator: NUMBER, valueNote: ['', '* Value suppressed', 'Aggregated', 'NA'],
  recentTrend: TREND, comparedToEngland: COMPARE, comparedToParent: COMPARE, comparedToGoal: TEXT, newData: TEXT, timePeriodRange: ['', '1y', '3y'],
};

function randomRaw(): RawRow {
  const raw: RawRow = {};
  for (const [field, values] of Object.entries(FIELDS) as [Field, readonly string[]][]) {
    if (rand() < 0.08) continue; // the column is absent
    // Mostly valid rows, so the success branch is compared as often as the failures.
    const valid = rand() < 0.7;
    raw[field] = valid && values === NUMBER ? pick(['', '12.5', '74,588', '-', 'NA']) : valid && values === PERIOD ? pick(['2019', '2019/20', 'soon']) : pick(values);
  }
  if (rand() < 0.6) Object.assign(raw, { indicatorId: '90366', areaCode: 'E06000032', timePeriod: pick(['2019', '2019/20 Q3', '2018 - 20']) });
  // Rows of one series repeat its fields (the validator reuses them).
  // Half the rows repeat the last row's, some of them but for one field.
  if (last && rand() < 0.5) {
    for (const f of HEAD) if (last[f] === undefined) delete raw[f]; else raw[f] = last[f];
    if (rand() < 0.4) {
      const f = pick(HEAD);
      raw[f] = pick(FIELDS[f]);
    }
  }
  last = raw;
  return raw;
}
const HEAD: Field[] = ['indicatorId', 'indicatorName', 'parentCode', 'parentName', 'areaCode', 'areaName', 'areaType', 'sex', 'age', 'categoryType', 'category'];
let last: RawRow | null = null;

describe('createRowValidator', () => {
  it('property: equals RawRowSchema.safeParse on 5,000 random raw rows (rows and first problem)', () => {
    const validate = createRowValidator();
    let ok = 0;
    let failed = 0;
    for (let i = 0; i < 5000; i++) {
      const raw = randomRaw();
      const reference = RawRowSchema.safeParse(raw);
      const fast = validate(raw, 'x.csv', i + 2);
      if (reference.success) {
        ok++;
        expect(fast).toEqual({ ok: true, row: { file: 'x.csv', line: i + 2, ...reference.data } });
      } else {
        failed++;
        const issue = reference.error.issues[0]!;
        expect(fast).toEqual({ ok: false, field: issue.path[0], message: issue.message });
      }
    }
    // Both branches were exercised in earnest.
    expect(ok).toBeGreaterThan(1000);
    expect(failed).toBeGreaterThan(1000);
  });
  it('property: a builder gets the parts of the row object; the encoder packs them (no row object) as it packs the object, on 5,000 random raw rows', () => {
    // Half the random rows repeat the last row's series fields, so the packer's shared-head path runs,
    // and tables of 40 strings start again every few batches of 3.
    for (const [size, limit] of [[4096, 200_000], [3, 40]] as const) {
      const asObject = createRowValidator();
      const encoder = rowEncoder(size, limit);
      const packed = createRowValidator(encoder.build);
      const decode = rowDecoder('x.csv');
      const expected: IndicatorRow[] = [];
      const back: IndicatorRow[] = [];
      const take = () => {
        const batch = encoder.take();
        if (batch) decode(batch, (r) => back.push(r));
      };
      let shared = 0;
      for (let i = 0; i < 5000; i++) {
        const raw = randomRaw();
        const a = asObject(raw, 'x.csv', i + 2);
        const b = packed(raw, 'x.csv', i + 2);
        expect(b.ok).toBe(a.ok);
        if (!a.ok || !b.ok) continue;
        if (expected.length > 0 && expected.at(-1)!.indicatorName === a.row.indicatorName && expected.at(-1)!.areaCode === a.row.areaCode) shared++;
        expected.push(a.row);
        if (b.row) take();
      }
      take();
      expect(back).toEqual(expected);
      expect(shared).toBeGreaterThan(500);
    }
  });
  it('gives a missing number null with its reason, never 0', () => {
    const r = createRowValidator()({ indicatorId: '1', areaCode: 'E06000032', timePeriod: '2019', value: '*', valueNote: '' }, 'x.csv', 2);
    expect(r).toMatchObject({ ok: true, row: { value: null, missingReason: 'suppressed' } });
  });
  it('names the column and what was expected', () => {
    expect(createRowValidator()({ indicatorId: '1', areaCode: 'E06000032', timePeriod: '2019', count: 'twelve' }, 'x.csv', 2))
      .toEqual({ ok: false, field: 'count', message: 'expected a number or a blank, got "twelve"' });
  });
});
