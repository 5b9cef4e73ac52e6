/**
 * Cohort categories: deprivation deciles and quintiles in Fingertips' wording (any IMD vintage,
 * suffixed or not), ethnic groups, and age bands. Source: ../shared/docs/fingertips-format.md
 * §1.5.4–1.5.5 and FingertipsNext's categories lookup (Sequence: most deprived first).
 */

const ORDINAL: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5 };

/** True for a deprivation category type ("… deprivation deciles in England (IMD2019)", quintiles). */
export const isDeprivationType = (type: string): boolean => /depriv/i.test(type) && /(decile|quintile)/i.test(type);
export const isEthnicityType = (type: string): boolean => /ethnic/i.test(type);

/**
 * Position of a deprivation category, 1 = most deprived, and how many there are (10 or 5); null
 * when the name is not one. "Fifth more deprived decile" is 5, "Fifth less deprived decile" 6.
 *
 * @example deprivationRank('Third less deprived decile (IMD2019)') // { rank: 8, of: 10 }
 */
export function deprivationRank(category: string): { rank: number; of: 5 | 10 } | null {
  const s = category.toLowerCase().replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim();
  const of = /decile/.test(s) ? 10 : /quintile/.test(s) ? 5 : null;
  if (!of) return null;
  const numeric = s.match(/^(\d+)\b/);
  if (numeric) return { rank: Number(numeric[1]), of };
  if (/^most deprived/.test(s)) return { rank: 1, of };
  if (/^least deprived/.test(s)) return { rank: of, of };
  if (/^(average|middle)/.test(s) && of === 5) return { rank: 3, of };
  const m = s.match(/^(second|third|fourth|fifth) (most|more|less|least) deprived/);
  if (!m) return null;
  const n = ORDINAL[m[1]!]!;
  const rank = m[2] === 'most' || m[2] === 'more' ? n : of + 1 - n;
  return rank >= 1 && rank <= of ? { rank, of } : null;
}

/**
 * Lower and upper bound in years of an age band; null for "All ages", "Not applicable" and labels
 * that name no ages.
 *
 * @example ageBounds('16-64 yrs') // [16, 64]; ageBounds('<16 yrs') // [0, 15]; ageBounds('65+ yrs') // [65, 150]
 */
export function ageBounds(age: string): [number, number] | null {
  const s = age.trim().toLowerCase();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d+)\s*-\s*(\d+)/))) return [Number(m[1]), Number(m[2])];
  if ((m = s.match(/^(\d+)\+/))) return [Number(m[1]), 150];
  if ((m = s.match(/^<\s*(\d+)/))) return [0, Number(m[1]) - 1];
  if ((m = s.match(/^(\d+) yrs?$/))) return [Number(m[1]), Number(m[1])];
  return null;
}
