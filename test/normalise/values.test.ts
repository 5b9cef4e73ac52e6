import { describe, expect, it } from 'vitest';
import { cleanNote, cleanText, numberValue, parseNumber } from '../../src/normalise/values.js';
import { normaliseComparison, normaliseTrend } from '../../src/normalise/labels.js';
import { geographyLevel } from '../../src/normalise/area.js';
import { seededUniform } from '../../src/stats/index.js';

describe('parseNumber', () => {
  it.each([
    ['12.3', 12.3], ['0', 0], ['-1.5', -1.5], ['94.7261896202678', 94.7261896202678], ['1e-3', 0.001],
    ['74,588', 74588], ['1,234,567.5', 1234567.5], [' 7 ', 7],
  ])('%j is %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value, missing: null });
  });

  it.each([
    ['', 'blank'], ['NA', 'NA'], ['-', 'no data'], ['<div class="no-data">-</div>', 'no data'], ['*', 'suppressed'],
    ['..', 'not available'], [':', 'not available'], ['x', 'not available'], ['c', 'suppressed'], ['[c]', 'suppressed'],
    ['[x]', 'not available'], ['[z]', 'not applicable'], ['[low]', 'low reliability'], ['u', 'low reliability'], ['k', 'suppressed'],
  ])('%j is missing (%s), never 0', (raw, reason) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: null, missing: reason });
  });

  it.each(['12a', '1,23', '0x10', 'Infinity', 'twelve', '1.2.3', '.', '+', '-.', '1-'])('%j is not a number', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false });
  });

  it('property: the one-pass path for plain decimals gives what the full path does (a leading space takes the full path)', () => {
    const rand = seededUniform(3);
    const chars = '0123456789..--++e ,';
    for (let k = 0; k < 20_000; k++) {
      const raw = Array.from({ length: Math.floor(rand() * 7) }, () => chars[Math.floor(rand() * chars.length)]).join('');
      expect(parseNumber(raw), JSON.stringify(raw)).toEqual(parseNumber(` ${raw}`));
    }
  });
});

describe('numberValue', () => {
  it('property: is parseNumber\'s value, undefined where parseNumber fails (20,000 random cells and the missing tokens)', () => {
    const rand = seededUniform(4);
    const chars = '0123456789..--++e ,*xNAc[]';
    const cells = ['', 'NA', '-', '*', '[c]', '<div class="no-data">-</div>', ' 7 ', '74,588', 'twelve'];
    for (let k = 0; k < 20_000; k++) cells.push(Array.from({ length: Math.floor(rand() * 7) }, () => chars[Math.floor(rand() * chars.length)]).join(''));
    for (const raw of cells) {
      const parsed = parseNumber(raw);
      expect(numberValue(raw), JSON.stringify(raw)).toBe(parsed.ok ? parsed.value : undefined);
    }
  });

  it('property: a plain decimal of 1 to 20 digits is exactly Number\'s value, sign of zero included (20,000 random decimals)', () => {
    const rand = seededUniform(5);
    const cells = ['0', '-0', '-0.000', '+0.5', '.5', '-.5', '5.', '9007199254740993', '999999999999999.9', '0.1', '0.30000000000000004', '123456789012345', '1234567890123456'];
    for (let k = 0; k < 20_000; k++) {
      const length = 1 + Math.floor(rand() * 20);
      let digits = Array.from({ length }, () => String(Math.floor(rand() * 10))).join('');
      const at = Math.floor(rand() * (length + 1));
      if (rand() < 0.8) digits = `${digits.slice(0, at)}.${digits.slice(at)}`;
      const sign = rand() < 0.2 ? '-' : rand() < 0.05 ? '+' : '';
      cells.push(sign + digits, (rand() * 10 ** Math.floor(rand() * 8)).toFixed(Math.floor(rand() * 12)), String(rand() * 100));
    }
    for (const raw of cells) expect(numberValue(raw), raw).toBe(Number(raw));
  });
});

describe('text cells', () => {
  it('strips the web export HTML from value notes', () => {
    expect(cleanNote('<span class="tooltipValueNote">* Value for Hackney and City of London combined</span>')).toBe('Value for Hackney and City of London combined');
  });
  it('folds whitespace, including the newline inside a real indicator name', () => {
    expect(cleanText('Campylobacter incidence rate/100,000\n')).toBe('Campylobacter incidence rate/100,000');
    expect(cleanText('  ')).toBeNull();
    expect(cleanText('NA')).toBeNull();
  });
});

describe('published labels', () => {
  it.each([['NOT COMPARED', 'Not compared'], ['NotCompared', 'Not compared'], ['Worse 95%', 'Worse'], ['Better', 'Better'], ['Lowest quintile', 'Lowest quintile'], ['', null]])(
    'comparison %j → %j', (raw, label) => expect(normaliseComparison(raw)).toBe(label));
  it.each([['Increasing & getting better', 'Increasing and getting better'], ['Could not be calculated', 'Cannot be calculated'], ['No significant change', 'No significant change']])(
    'trend %j → %j', (raw, label) => expect(normaliseTrend(raw)).toBe(label));
});

describe('geographyLevel', () => {
  it.each([['E92000001', 'england'], ['E12000006', 'region'], ['E06000032', 'county-ua'], ['E08000001', 'county-ua'], ['E09000001', 'county-ua'], ['E10000003', 'county-ua'],
    ['E07000008', 'district'], ['E02000001', 'msoa'], ['E05000001', 'ward'], ['nE38000016', 'sub-icb'], ['A81002', 'other']])('%s is %s', (code, level) => {
    expect(geographyLevel(code)).toBe(level);
  });
});

describe('stripHtml keeps data that only looks like HTML', () => {
  it('keeps a script tag or an age band as text; removes the export formatting', () => {
    expect(cleanText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(cleanText('Mortality <75 yrs')).toBe('Mortality <75 yrs');
    expect(cleanText('<div class="x"><b>Bold</b></div>')).toBe('Bold');
  });
});
