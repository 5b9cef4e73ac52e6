/**
 * Geography levels from the ONS GSS code prefix (../shared/docs/fingertips-format.md §1.5.3).
 * Area Type strings changed across vintages, so the code, not the type, decides the level.
 */
export type GeographyLevel =
  | 'england' | 'region' | 'county-ua' | 'district' | 'msoa' | 'lsoa' | 'ward'
  | 'sub-icb' | 'icb' | 'combined-authority' | 'nation' | 'other';

export const ENGLAND_CODE = 'E92000001';

const PREFIXES: [RegExp, GeographyLevel][] = [
  [/^E92/, 'england'],
  [/^E12/, 'region'],
  [/^E(06|08|09|10)/, 'county-ua'],
  [/^E07/, 'district'],
  [/^E02/, 'msoa'],
  [/^E01/, 'lsoa'],
  [/^E05/, 'ward'],
  [/^n?E38/, 'sub-icb'],
  [/^E54/, 'icb'],
  [/^E47/, 'combined-authority'],
  [/^[WSNK]92/, 'nation'],
];

/**
 * @example geographyLevel('E06000032') // 'county-ua'; geographyLevel('E12000006') // 'region'
 */
export function geographyLevel(code: string): GeographyLevel {
  for (const [re, level] of PREFIXES) if (re.test(code)) return level;
  return 'other';
}
