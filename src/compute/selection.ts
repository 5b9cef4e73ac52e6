import type { RawRow } from '../ingest/row-schema.js';
import { geographyLevel } from '../normalise/area.js';
import { cleanText } from '../normalise/values.js';

/** Levels kept as possible benchmarks (England and the usual parents) whatever the selection. */
const BENCHMARK_LEVELS = new Set(['england', 'region', 'combined-authority', 'icb']);
/** Wards, MSOAs and LSOAs are parts of an area, never the default area of a baseline. */
const SUB_AREA_LEVELS = new Set(['ward', 'msoa', 'lsoa']);

export interface AreaFilter {
  keep: (raw: RawRow) => boolean;
  /** Local areas seen (code → name), for the default "the one local area" rule. */
  localAreas: Map<string, string>;
  /**
   * Benchmark areas (regions, counties…) of which some rows were dropped because, when they were
   * read, the chosen areas had named other parents. A caller reads such an area again in full if it
   * turns out to be a parent after all.
   */
  droppedBenchmarks: Set<string>;
}

export interface AreaFilterOptions {
  /**
   * Once the chosen areas' rows have named their parents, drop the rows of other benchmark areas
   * (the other eight regions) instead of keeping them to the end. Only for inputs that can be read
   * again (not stdin).
   */
  dropOtherBenchmarks?: boolean;
}

/**
 * The row filter of a headline baseline: headline rows only (cohort rows belong to the gaps),
 * of the chosen areas, England, regions and counties (the parents a district or UA may have).
 * With no area chosen, rows of the first local area seen are kept until a second appears: the
 * run will then stop and list the areas, so memory stays bounded either way.
 */
export function headlineAreaFilter(spec: string[] | undefined, options: AreaFilterOptions = {}): AreaFilter {
  const localAreas = new Map<string, string>();
  const droppedBenchmarks = new Set<string>();
  const parents = new Set<string>();
  const wanted = spec?.map((s) => s.trim().toLowerCase());
  const all = wanted?.includes('all') ?? false;
  const dropOthers = !!options.dropOtherBenchmarks && !!wanted && !all;
  const isWanted = (code: string, raw: RawRow): boolean => {
    const lower = code.toLowerCase();
    if (wanted!.includes(lower)) return true;
    const name = (cleanText(raw.areaName) ?? '').toLowerCase();
    return wanted!.includes(name);
  };
  const keep = (raw: RawRow): boolean => {
    if ((raw.categoryType ?? '').trim() !== '' || (raw.category ?? '').trim() !== '') return false;
    const code = (raw.areaCode ?? '').trim();
    const level = geographyLevel(code);
    const isLocal = level !== 'england' && level !== 'region' && !SUB_AREA_LEVELS.has(level);
    if (isLocal && !localAreas.has(code)) localAreas.set(code, cleanText(raw.areaName) ?? code);
    if (all) return true;
    if (wanted && isWanted(code, raw)) {
      const parent = (raw.parentCode ?? '').trim();
      if (dropOthers && parent) parents.add(parent);
      return true;
    }
    if (BENCHMARK_LEVELS.has(level) || /^E10/.test(code)) {
      if (dropOthers && level !== 'england' && parents.size > 0 && !parents.has(code)) {
        droppedBenchmarks.add(code);
        return false;
      }
      return true;
    }
    if (wanted) return false;
    return localAreas.size <= 1;
  };
  return { keep, localAreas, droppedBenchmarks };
}
