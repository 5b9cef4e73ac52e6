#!/usr/bin/env node
// Writes fixtures/luton.csv: an ILLUSTRATIVE extract in Fingertips' real 27-column "all data" CSV
// format for Luton (E06000032), East of England (E12000006) and England. The figures are made up
// by a seeded generator (they are plausible, not real); CIs are computed from the counts with the
// methods Fingertips uses (Wilson, Byars/exact), and the published judgement columns are filled
// by Fingertips' methods, except the deliberate disagreements listed in DISAGREE (to show how
// marmot reports them). Run after `npm run build`: node scripts/make-luton-fixture.mjs
import { writeFileSync } from 'node:fs';
import { compareWithBenchmark, rateInterval, recentTrend, seededUniform, wilsonInterval, zFor } from '../dist/index.js';

const catalogue = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('data/catalogue.json', 'utf8')));
const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
const rand = seededUniform(20261122);
const noise = (sd) => { const u = rand() || 1e-12; const v = rand(); return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); };

const UTLA = 'Counties & UAs (from Apr 2023)';
const AREAS = {
  england: { code: 'E92000001', name: 'England', type: 'England', parentCode: '', parentName: '', scale: 56_500_000 / 214_000 },
  region: { code: 'E12000006', name: 'East of England region', type: 'Region', parentCode: 'E92000001', parentName: 'England', scale: 6_300_000 / 214_000 },
  luton: { code: 'E06000032', name: 'Luton', type: UTLA, parentCode: 'E12000006', parentName: 'East of England region', scale: 1 },
  // Peers: the other unitary authorities of the region, so that ranks and quintiles can be shown.
  peterborough: { code: 'E06000031', name: 'Peterborough', type: UTLA, parentCode: 'E12000006', parentName: 'East of England region', scale: 0.98, peer: -0.4 },
  southend: { code: 'E06000033', name: 'Southend-on-Sea', type: UTLA, parentCode: 'E12000006', parentName: 'East of England region', scale: 0.85, peer: 0.3 },
  thurrock: { code: 'E06000034', name: 'Thurrock', type: UTLA, parentCode: 'E12000006', parentName: 'East of England region', scale: 0.82, peer: -0.1 },
  bedford: { code: 'E06000055', name: 'Bedford', type: UTLA, parentCode: 'E12000006', parentName: 'East of England region', scale: 0.86, peer: 0.6 },
  centralBeds: { code: 'E06000056', name: 'Central Bedfordshire', type: UTLA, parentCode: 'E12000006', parentName: 'East of England region', scale: 1.37, peer: 1.0 },
};
const LOCAL = ['luton', 'peterborough', 'southend', 'thurrock', 'bedford', 'centralBeds'];

// Luton's wards (real names; the E05999… codes are placeholders, not real GSS codes), with an
// illustrative deprivation decile each (1 = most deprived), for within-area gaps.
const WARDS = [
  ['Barnfield', 8], ['Beech Hill', 2], ['Biscot', 1], ['Bramingham', 9], ['Challney', 3], ['Crawley', 5], ['Dallow', 1],
  ['Farley', 1], ['High Town', 2], ['Icknield', 7], ['Leagrave', 4], ['Lewsey', 3], ['Limbury', 6], ['Northwell', 2],
  ['Round Green', 5], ['Saints', 3], ['South', 1], ['Stopsley', 8], ['Sundon Park', 6], ['Wigmore', 10],
].map(([name, decile], i) => ({ code: `E05999${String(901 + i)}`, name, decile }));

// kind: p = proportion (%), r = crude rate, d = DSR, le = life expectancy (years), s = score/other with CIs.
// den: Luton denominator per period; eng: England start value; lut/reg: offsets from England; slope: change a period.
const SPECS = [
  { id: 90366, kind: 'le', eng: 79.5, lut: -1.1, reg: 0.6, slope: 0.05, sexes: ['Male', 'Female'], sexDelta: { Male: 0, Female: 3.7 }, pooled: true, age: 'All ages', deciles: true },
  { id: 90362, kind: 'le', eng: 63.4, lut: -3.1, reg: 1.2, slope: -0.1, sexes: ['Male', 'Female'], sexDelta: { Male: 0, Female: 0.4 }, pooled: true, age: 'All ages' },
  { id: 92901, kind: 's', eng: 9.4, lut: -1.5, reg: -1.8, slope: 0.08, sexes: ['Male', 'Female'], sexDelta: { Male: 0, Female: -1.8 }, pooled: true, age: 'All ages', se: 0.9 },
  { id: 93721, kind: 'd', eng: 142, lut: 38, reg: -18, slope: -1.2, den: 190_000, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: 40, Female: -38 }, pooled: true, age: '<75 yrs' },
  { id: 90631, kind: 'p', eng: 69, lut: -2.4, reg: 0.8, slope: 0.9, den: 3_300, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: -7, Female: 7 }, years: 'academic', age: '5 yrs', deciles: true, noisy: 0.6 },
  { id: 92196, kind: 'r', eng: 3.9, lut: 1.6, reg: -0.4, slope: -0.02, den: 3_300, mult: 1000, sexes: ['Persons'], pooled: true, age: '<1 yr' },
  { id: 93085, kind: 'p', eng: 11.5, lut: -2.6, reg: -0.3, slope: -0.6, den: 3_200, sexes: ['Female'], years: 'financial', age: 'All ages' },
  { id: 30311, kind: 'p', eng: 87.2, lut: -5.1, reg: 1.0, slope: -0.4, den: 3_400, sexes: ['Persons'], years: 'financial', age: '5 yrs' },
  { id: 20101, kind: 'p', eng: 2.9, lut: 1.1, reg: -0.2, slope: -0.02, den: 3_100, sexes: ['Persons'], age: '>=37 weeks gestational age at birth' },
  { id: 92672, kind: 'p', eng: 62, lut: -3.5, reg: -0.8, slope: 1.0, den: 3_000, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: -4, Female: 4 }, years: 'academic', age: '10-11 yrs', noisy: 1.5 },
  { id: 93203, kind: 'p', eng: 5.5, lut: 1.8, reg: -0.3, slope: -0.2, den: 5_600, sexes: ['Persons'], years: 'financial', age: '16-17 yrs' },
  { id: 20401, kind: 'r', eng: 16.7, lut: 3.5, reg: -2.1, slope: -1.2, den: 3_900, mult: 1000, sexes: ['Female'], age: '<18 yrs' },
  { id: 10401, kind: 'r', eng: 170, lut: 60, reg: -20, slope: -9, den: 22_000, mult: 100000, sexes: ['Persons'], age: '10-17 yrs' },
  { id: 92313, kind: 'p', eng: 75.5, lut: -5.2, reg: 1.5, slope: 0.2, den: 1_050, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: 4.5, Female: -4.5 }, years: 'financial', age: '16-64 yrs' },
  { id: 91126, kind: 'p', eng: 4.6, lut: 1.9, reg: -0.6, slope: -0.2, den: 1_100, sexes: ['Persons'], age: '16+ yrs' },
  { id: 734, kind: 'r', eng: 2.9, lut: 1.7, reg: -0.9, slope: -0.15, den: 140_000, mult: 1000, sexes: ['Persons'], age: '16-64 yrs' },
  { id: 10101, kind: 'p', eng: 17.5, lut: 9.1, reg: -3.4, slope: 0.3, den: 51_000, sexes: ['Persons'], age: '<16 yrs', wards: true },
  { id: 93701, kind: 'p', eng: 15.6, lut: 7.2, reg: -3.0, slope: 0.4, den: 51_000, sexes: ['Persons'], years: 'financial', age: '<16 yrs' },
  { id: 93759, kind: 'p', eng: 13.2, lut: 0.8, reg: -1.6, slope: -0.1, den: 78_000, sexes: ['Persons'], age: 'Not applicable' },
  { id: 11201, kind: 'd', eng: 41, lut: 14, reg: -9, slope: -0.8, den: 214_000, sexes: ['Persons'], years: 'financial', pooled: true, age: 'All ages' },
  { id: 11501, kind: 'r', eng: 0.8, lut: 1.1, reg: -0.1, slope: 0.02, den: 78_000, mult: 1000, sexes: ['Not applicable'], years: 'financial', age: 'Not applicable' },
  { id: 90416, kind: 'p', eng: 8.7, lut: 7.9, reg: -2.1, slope: 0, den: 78_000, sexes: ['Not applicable'], once: '2011', age: 'Not applicable' },
  { id: 93439, kind: 'p', eng: 23.0, lut: -3.1, reg: -1.2, slope: -0.5, den: 480, sexes: ['Persons'], years: 'financial', age: '16+ yrs' },
  { id: 92443, kind: 'p', eng: 15.5, lut: 2.9, reg: -0.4, slope: -0.7, den: 800, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: 3, Female: -3 }, age: '18+ yrs', deciles: true, ethnic: true,
    ageBands: [['18-24 yrs', 3.5], ['25-34 yrs', 4.0], ['35-44 yrs', 1.5], ['45-54 yrs', 0.5], ['55-64 yrs', -2.0], ['65+ yrs', -7.5]] },
  { id: 93088, kind: 'p', eng: 62.5, lut: 2.0, reg: 1.4, slope: 0.3, den: 480, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: 6.5, Female: -6.5 }, years: 'financial', age: '18+ yrs' },
  { id: 90323, kind: 'p', eng: 20.2, lut: 4.8, reg: -1.6, slope: 0.3, den: 3_100, sexes: ['Persons'], years: 'academic', age: '10-11 yrs' },
  { id: 30314, kind: 'p', eng: 72.0, lut: -4.3, reg: 0.9, slope: 0.9, den: 21_000, sexes: ['Persons'], years: 'financial', age: '65+ yrs' },
  { id: 40401, kind: 'd', eng: 72.5, lut: 27, reg: -6, slope: -0.6, den: 190_000, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: 32, Female: -32 }, pooled: true, age: '<75 yrs' },
  { id: 41001, kind: 'd', eng: 10.1, lut: -1.6, reg: 0.1, slope: 0.1, den: 214_000, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: 5.5, Female: -5.4 }, pooled: true, age: '10+ yrs' },
  { id: 93014, kind: 'p', eng: 66.0, lut: -8.9, reg: 0.8, slope: 0.2, den: 480, sexes: ['Persons'], years: 'financial', age: '19+ yrs' },
  { id: 92860, kind: 'p', eng: 14.6, lut: 30.5, reg: -5.1, slope: 0, den: 203_000, sexes: ['Persons'], once: '2011', age: 'All ages' },
  { id: 93350, kind: 's', eng: 15.4, lut: 2.7, reg: 1.9, slope: -0.35, sexes: ['Persons'], age: '16+ yrs', se: 1.8, noCi: true },
  { id: 93861, kind: 'p', eng: 5.6, lut: 0.9, reg: 0.4, slope: -0.05, den: 1_000_000, sexes: ['Persons'], age: '30+ yrs', modelled: true },
  { id: 93867, kind: 's', eng: 7.6, lut: 1.1, reg: 0.6, slope: -0.25, sexes: ['Not applicable'], age: 'Not applicable', noCi: true },
  { id: 90813, kind: 'd', eng: 420, lut: -130, reg: 20, slope: 8, den: 44_000, sexes: ['Persons', 'Male', 'Female'], sexDelta: { Persons: 0, Male: -190, Female: 190 }, years: 'financial', age: '10-24 yrs' },
];

// Published judgements that deliberately differ from Fingertips' method, to show the flag.
const DISAGREE = new Set(['92313|Persons|compEng', '10101|Persons|trend']);
// A suppressed Luton value (small count), to show that missing is never 0.
const SUPPRESS = new Set(['20401|Female|2022']);

const START = 2014;
const END = 2022;
function label(spec, y) {
  if (spec.pooled) return spec.years === 'financial' ? `${y - 2}/${String(y - 1).slice(2)} - ${String(y).slice(2)}/${String(y + 1).slice(2)}` : `${y - 2} - ${String(y).slice(2)}`;
  if (spec.years === 'financial' || spec.years === 'academic') return `${y}/${String(y + 1).slice(2)}`;
  return String(y);
}

const HEADER = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal,Time period range';
const q = (s) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
const r5 = (x) => (x === null || x === undefined || x === '' ? '' : String(Math.round(x * 1e5) / 1e5));

function point(spec, areaKey, sex, y, shift = 0) {
  const area = AREAS[areaKey];
  const offset = areaKey === 'luton' ? spec.lut : areaKey === 'region' ? spec.reg : area.peer !== undefined ? spec.reg + area.peer * Math.max(Math.abs(spec.reg), Math.abs(spec.eng) * 0.04) : 0;
  const base = spec.eng + offset + (spec.sexDelta?.[sex] ?? 0) + shift;
  let value = base + spec.slope * (y - START) + (areaKey === 'england' ? 0 : noise(spec.noisy ?? (spec.kind === 'p' ? 0.4 : spec.kind === 'le' ? 0.2 : Math.abs(spec.eng) * 0.02)));
  const den = spec.den ? Math.round(spec.den * area.scale * (sex === 'Persons' || sex === 'Not applicable' ? 1 : 0.5)) : null;
  if (spec.kind === 'p') {
    value = Math.min(99.5, Math.max(0.5, value));
    const count = Math.round((value / 100) * den);
    const w95 = wilsonInterval({ count, denominator: den, multiplier: 100 });
    const w998 = wilsonInterval({ count, denominator: den, multiplier: 100, confidence: 0.998 });
    if (spec.modelled) return { value: w95.value, l95: null, u95: null, l998: null, u998: null, count: '', den: '', note: 'Value is modelled or synthetic estimate' };
    return { value: w95.value, l95: w95.lower, u95: w95.upper, l998: w998.lower, u998: w998.upper, count, den };
  }
  if (spec.kind === 'r' || spec.kind === 'd') {
    const mult = spec.mult ?? 100000;
    const years = spec.pooled ? 3 : 1;
    const count = Math.max(0, Math.round((value / mult) * den * years));
    const r95 = rateInterval({ count, denominator: den * years, multiplier: mult });
    const r998 = rateInterval({ count, denominator: den * years, multiplier: mult, confidence: 0.998 });
    return { value: r95.value, l95: r95.lower, u95: r95.upper, l998: r998.lower, u998: r998.upper, count, den: den * years };
  }
  const se = spec.se ?? (areaKey === 'england' ? 0.05 : areaKey === 'region' ? 0.12 : 0.45);
  if (spec.noCi) return { value, l95: null, u95: null, l998: null, u998: null, count: '', den: '' };
  const z95 = zFor(0.95);
  const z998 = zFor(0.998);
  return { value, l95: value - z95 * se, u95: value + z95 * se, l998: value - z998 * se, u998: value + z998 * se, count: '', den: '' };
}

const lines = [HEADER];
let indicators = 0;
for (const spec of SPECS) {
  const meta = byId.get(spec.id);
  if (!meta) throw new Error(`indicator ${spec.id} is not in the catalogue`);
  indicators++;
  const years = spec.once ? [Number(spec.once)] : Array.from({ length: END - START + 1 }, (_, i) => START + i);
  const range = spec.pooled ? '3y' : '1y';
  for (const sex of spec.sexes) {
    const series = Object.fromEntries(['england', 'region', ...LOCAL].map((k) => [k, []]));
    for (const y of years) for (const key of Object.keys(series)) series[key].push({ y, ...point(spec, key, sex, y) });
    if (SUPPRESS.has(`${spec.id}|${sex}|${years.at(-1)}`)) Object.assign(series.luton.at(-1), { value: null, l95: null, u95: null, l998: null, u998: null, count: '', note: 'Value suppressed for disclosure control due to small count' });
    years.forEach((y, i) => {
      const latest = i === years.length - 1;
      const eng = series.england[i];
      const reg = series.region[i];
      for (const key of ['england', 'region', ...LOCAL]) {
        const area = AREAS[key];
        const p = series[key][i];
        const cmp = (bench) => compareWithBenchmark({ method: 1, polarity: meta.polarity,
          area: { value: p.value, lower95: p.l95, upper95: p.u95 }, benchmark: { value: bench.value } }).label;
        let compEng = key === 'england' ? 'Not compared' : cmp(eng);
        let compReg = LOCAL.includes(key) ? cmp(reg) : 'Not compared';
        let trend = '';
        if (latest && !spec.once) {
          const pts = series[key].map((s) => ({ period: s.y, value: s.value, lower95: s.l95, upper95: s.u95, count: s.count, denominator: s.den }));
          trend = recentTrend(pts, { method: 'ci', polarity: meta.polarity, yearRange: spec.pooled ? 3 : 1 }).label;
        }
        if (key === 'luton' && latest && DISAGREE.has(`${spec.id}|${sex}|compEng`)) compEng = compEng === 'Similar' ? 'Worse' : 'Similar';
        if (key === 'luton' && latest && DISAGREE.has(`${spec.id}|${sex}|trend`)) trend = trend === 'No significant change' ? 'Increasing and getting worse' : 'No significant change';
        lines.push([spec.id, meta.name, area.parentCode, area.parentName, area.code, area.name, area.type, sex, spec.age, '', '', label(spec, y),
          r5(p.value), r5(p.l95), r5(p.u95), r5(p.l998), r5(p.u998), p.count, p.den, p.note ?? '', trend, compEng, compReg,
          `${spec.pooled ? y - 2 : y}0000`, latest ? 'New data' : '', '', range].map(q).join(','));
      }
      const recent = i >= years.length - 4;
      if (recent && spec.ageBands && sex === 'Persons') {
        for (const [age, delta] of spec.ageBands) {
          const engBand = point({ ...spec, den: spec.den / 4 }, 'england', sex, y, delta);
          for (const key of ['england', 'luton']) {
            const area = AREAS[key];
            const p = key === 'england' ? engBand : point({ ...spec, den: spec.den / 4 }, key, sex, y, delta);
            const comp = key === 'england' ? 'Not compared' : compareWithBenchmark({ method: 1, polarity: meta.polarity, area: { value: p.value, lower95: p.l95, upper95: p.u95 }, benchmark: { value: engBand.value } }).label;
            lines.push([spec.id, meta.name, area.parentCode, area.parentName, area.code, area.name, area.type, sex, age, '', '', label(spec, y),
              r5(p.value), r5(p.l95), r5(p.u95), r5(p.l998), r5(p.u998), p.count, p.den, '', '', comp, 'Not compared',
              `${y}0000`, '', '', range].map(q).join(','));
          }
        }
      }
      if (recent && spec.wards) {
        const lut = series.luton[i];
        for (const w of WARDS) {
          const p = point({ ...spec, den: spec.den / WARDS.length / AREAS.england.scale, eng: spec.eng + spec.lut }, 'england', sex, y, (5.5 - w.decile) * 2.2 + (rand() - 0.5) * 2);
          const comp = compareWithBenchmark({ method: 1, polarity: meta.polarity, area: { value: p.value, lower95: p.l95, upper95: p.u95 }, benchmark: { value: eng.value } }).label;
          const compLuton = compareWithBenchmark({ method: 1, polarity: meta.polarity, area: { value: p.value, lower95: p.l95, upper95: p.u95 }, benchmark: { value: lut.value } }).label;
          lines.push([spec.id, meta.name, 'E06000032', 'Luton', w.code, w.name, 'Ward', sex, spec.age, '', '', label(spec, y),
            r5(p.value), r5(p.l95), r5(p.u95), r5(p.l998), r5(p.u998), p.count, p.den, '', '', comp, compLuton,
            `${y}0000`, '', '', range].map(q).join(','));
        }
      }
      if (!latest) return;
      // Cohort rows for England (and Luton's LSOA deciles) in the latest period.
      const cohorts = [];
      if (spec.deciles) {
        const names = ['Most deprived decile', 'Second most deprived decile', 'Third more deprived decile', 'Fourth more deprived decile', 'Fifth more deprived decile',
          'Fifth less deprived decile', 'Fourth less deprived decile', 'Third less deprived decile', 'Second least deprived decile', 'Least deprived decile'];
        const sign = meta.polarity === 'high-is-good' ? 1 : -1;
        const gap = spec.kind === 'le' ? 9 : Math.abs(spec.eng) * 0.35;
        names.forEach((n, d) => cohorts.push(['England', 'County & UA deprivation deciles in England (IMD2019, 4/21 geography)', `${n} (IMD2019)`, sign * gap * (d / 9 - 0.5)]));
        if (spec.kind === 'le') names.forEach((n, d) => cohorts.push(['luton', 'LSOA11 deprivation deciles in England (IMD2019)', n, sign * gap * 1.1 * (d / 9 - 0.5) + spec.lut]));
      }
      if (spec.ethnic) {
        [['Asian', -4.5], ['Black', -3.0], ['Chinese', -8.0], ['Mixed', 4.0], ['Other', 2.5], ['White British', 1.0], ['White Other', 3.5]]
          .forEach(([n, delta]) => cohorts.push(['England', 'Ethnic groups', n, delta]));
      }
      for (const [where, type, cat, shift] of cohorts) {
        const key = where === 'England' ? 'england' : 'luton';
        const area = AREAS[key];
        const spec2 = { ...spec, den: spec.den ? spec.den / 8 : undefined };
        const p = point(spec2, key === 'england' ? 'region' : 'luton', sex, y, key === 'luton' ? shift - spec.lut : shift);
        const cmp = compareWithBenchmark({ method: 1, polarity: meta.polarity, area: { value: p.value, lower95: p.l95, upper95: p.u95 }, benchmark: { value: eng.value } }).label;
        lines.push([spec.id, meta.name, area.parentCode, area.parentName, area.code, area.name, area.type, sex, spec.age, type, cat, label(spec, y),
          r5(p.value), r5(p.l95), r5(p.u95), r5(p.l998), r5(p.u998), p.count, p.den, 'Aggregated from all known lower geography values', '', cmp, 'Not compared',
          `${spec.pooled ? y - 2 : y}0000`, '', '', range].map(q).join(','));
      }
    });
  }
}
writeFileSync('fixtures/luton.csv', `${lines.join('\r\n')}\r\n`);
writeFileSync('fixtures/luton-wards.csv', `area_code,area_name,parent_code,deprivation_decile\n${WARDS.map((w) => `${w.code},${w.name},E06000032,${w.decile}`).join('\n')}\n`);
console.error(`fixtures/luton.csv: ${lines.length - 1} rows, ${indicators} indicators`);
