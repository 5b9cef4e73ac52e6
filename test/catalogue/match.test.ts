import { describe, expect, it } from 'vitest';
import { matchIndicatorName, normaliseIndicatorName } from '../../src/catalogue/match.js';
import { resolvePrinciple } from '../../src/catalogue/lookup.js';
import { loadCatalogue } from '../../src/io/load-catalogue.js';

const catalogue = loadCatalogue();

describe('indicator names', () => {
  it.each([
    ['B17 - Fuel poverty (low income, low energy efficiency methodology)', 93759],
    ['1.01i - Children in low income families (under 16s)', 10101],
    ['A01a - Healthy life expectancy at birth', 90362],
    ['  LIFE EXPECTANCY AT BIRTH ', 90366],
    ['C19a - Successful completion of drug treatment: non-opiate users', 90245],
  ])('%s matches %i', (name, id) => expect(matchIndicatorName(catalogue, name).entry?.id).toBe(id));

  it('does not guess: an unknown name is unmatched, with the closest catalogue names', () => {
    const m = matchIndicatorName(catalogue, 'Suicide crude rate 10-34 years: per 100,000 (5 year average)');
    expect(m.entry).toBeNull();
    expect(m.suggestions[0]).toBe('41001 Suicide rate');
  });

  it('normalises prefixes, case and punctuation', () => {
    expect(normaliseIndicatorName('B17 - Fuel poverty (%)')).toBe('fuel poverty');
    expect(normaliseIndicatorName('Under 18s conception rate / 1,000')).toBe('under 18s conception rate 1 000');
  });
});

describe('principle wordings', () => {
  it.each([
    ['Tackle climate change', 'sustainability'], ['Create fair employment and a good life for all', 'fair-employment'],
    ['tackle discrimination, racism and their outcomes', 'discrimination'], ['3', 'fair-employment'], ['best-start', 'best-start'],
    ['Strengthen the role and impact of ill-health prevention', 'prevention'], ['overarching', 'overarching'],
  ])('%s → %s', (text, id) => expect(resolvePrinciple(catalogue, text)).toBe(id));
  it('an unknown wording resolves to nothing', () => expect(resolvePrinciple(catalogue, 'Tackle everything')).toBeNull());
});
