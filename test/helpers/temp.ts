import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch folder with the given files (text or bytes). */
export function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'marmot-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const HEADER_27 =
  'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal,Time period range';

/** A data line in the 27-column format from the fields that matter; the rest blank. */
export function row27(f: Partial<Record<'id' | 'name' | 'parent' | 'area' | 'areaName' | 'sex' | 'age' | 'catType' | 'cat' | 'period' | 'value' | 'lo' | 'hi' | 'count' | 'den' | 'note' | 'trend' | 'eng' | 'reg' | 'sortable', string>>): string {
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    f.id ?? '90366', f.name ?? 'Life expectancy at birth', f.parent ?? 'E12000006', f.parent === '' ? '' : 'East of England region',
    f.area ?? 'E06000032', f.areaName ?? 'Luton', 'County & UA', f.sex ?? 'Persons', f.age ?? 'All ages', f.catType ?? '', f.cat ?? '',
    f.period ?? '2019', f.value ?? '', f.lo ?? '', f.hi ?? '', '', '', f.count ?? '', f.den ?? '', f.note ?? '', f.trend ?? '',
    f.eng ?? '', f.reg ?? '', f.sortable ?? '', '', '', '1y',
  ].map(q).join(',');
}
