#!/usr/bin/env node
// Rebuilds data/catalogue.json from the researched catalogue (../shared/docs/marmot-catalogue.csv).
// Keeps only rows with a Fingertips ID (the CSV leaves an ID blank where no source pairs it with a
// name). Run by hand when the research table changes; the output is committed and reviewed.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const source = process.argv[2] ?? '../shared/docs/marmot-catalogue.csv';
const rows = parse(readFileSync(source, 'utf8'), { columns: true, skip_empty_lines: true });
const POLARITY = { 'higher is better': 'high-is-good', 'lower is better': 'low-is-good', 'no judgement': 'no-judgement' };

const principles = [
  { id: 'best-start', number: 1, title: 'Give every child the best start in life',
    aliases: ['Giving every child the best start in life', 'Best start in life'] },
  { id: 'capabilities', number: 2, title: 'Enable all children, young people and adults to maximise their capabilities and have control over their lives',
    aliases: ['Enable everyone to maximise their capabilities and have control over their lives', 'Maximise capabilities and control'] },
  { id: 'fair-employment', number: 3, title: 'Create fair employment and good work for all',
    aliases: ['Create fair employment and a good life for all', 'Fair employment and good work'] },
  { id: 'living-standard', number: 4, title: 'Ensure a healthy standard of living for all',
    aliases: ['Ensure healthy standard of living for all', 'Healthy standard of living'] },
  { id: 'healthy-places', number: 5, title: 'Create and develop healthy and sustainable places and communities',
    aliases: ['Healthy and sustainable places and communities'] },
  { id: 'prevention', number: 6, title: 'Strengthen the role and impact of ill health prevention',
    aliases: ['Strengthen the role and impact of ill-health prevention', 'Ill health prevention'] },
  { id: 'discrimination', number: 7, title: 'Tackle racism, discrimination and their outcomes',
    aliases: ['Tackle discrimination, racism and their outcomes', 'Tackle racism and its outcomes', 'Address structural racism'] },
  { id: 'sustainability', number: 8, title: 'Pursue environmental sustainability and health equity together',
    aliases: ['Tackle climate change and health equity in unison', 'Tackle climate change'] },
];

const indicators = rows
  .filter((r) => r.indicator_id.trim() !== '')
  .map((r) => ({
    id: Number(r.indicator_id),
    name: r.indicator_name,
    principle: r.principle_id,
    polarity: POLARITY[r.polarity] ?? (() => { throw new Error(`unknown polarity ${r.polarity}`); })(),
    valueType: r.value_type,
    unit: r.unit,
    source: r.source,
  }))
  .sort((a, b) => a.id - b.id);

const catalogue = {
  $schema: '../schema/catalogue.v1.json',
  version: '2026.11.1',
  description: 'The eight Marmot principles and Fingertips indicators mapped to them. Principle placements and polarities are research notes, not Fingertips metadata: each indicator carries its source.',
  source: 'shared/docs/marmot-catalogue.csv and marmot-catalogue.md (IHE/LHO Marmot Indicators 2011 and 2015, Coventry and Luton Marmot material, Fingertips code and public scripts)',
  principles,
  overarching: { id: 'overarching', title: 'Overarching outcomes: life expectancy, healthy life expectancy and their inequality' },
  indicators,
};
writeFileSync('data/catalogue.json', JSON.stringify(catalogue, null, 2) + '\n');
console.error(`data/catalogue.json: ${principles.length} principles, ${indicators.length} indicators`);
