import { loadCatalogue } from '../io/load-catalogue.js';
import { groupsOf } from '../catalogue/lookup.js';
import type {  GroupId } from '../catalogue/schema.js';
import { resolveGroups } from './baseline-run.js';
import { isLocal, resolveAreas } from '../compute/areas.js';
import { deriveCis } from '../compute/derive-ci.js';
import { computeGaps } from '../compute/gaps.js';
import { GAP_KINDS, type GapKind, type GapsEnvelope } from '../compute/gaps-schema.js';
import { profilesFor } from '../compute/indicator-profile.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { readAreaLookup } from '../io/read-lookup.js';
import { VERSION } from '../io/version.js';
import { renderGaps } from '../render/gaps.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, stdoutChalk, summaryLines, type OutputOptions } from './shared.js';

interface GapsFlags extends OutputOptions {
  area?: string[];
  by?: string[];
  period: string;
  areas?: string;
  deriveCi?: boolean;
  seed: string;
  repetitions: string;
  principle?: string[];
}

/** `--by` words: geography stands for england, parent, rank and within-area. */
function kindsFrom(by: string[] | undefined): GapKind[] {
  if (!by || by.length === 0) return [...GAP_KINDS];
  const kinds = new Set<GapKind>();
  for (const b of by) {
    if (b === 'geography') ['england', 'parent', 'rank', 'within-area'].forEach((k) => kinds.add(k as GapKind));
    else if ((GAP_KINDS as readonly string[]).includes(b)) kinds.add(b as GapKind);
    else throw new UsageError(`--by ${b}: expected deprivation, sex, ethnicity, age, geography (or england, parent, rank, within-area)`);
  }
  return [...kinds];
}

/** The gaps command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: GapsFlags & { failOn: 'never' | 'error' | 'widening'; config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
    const kinds = kindsFrom(flags.by);
    const seed = Number(flags.seed);
    const repetitions = Number(flags.repetitions);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed ${flags.seed}: expected a whole number`);
    if (!Number.isInteger(repetitions) || repetitions < 1000) throw new UsageError(`--repetitions ${flags.repetitions}: expected a whole number of at least 1000`);
    const ctx = await loadContext(io, catalogue, flags);
    const subAreas = flags.areas ? (await readAreaLookup(flags.areas, io.stdin)).subAreas : ctx.lookup?.subAreas;
    const read = await readInputs(files, io, undefined, false, ctx);
    const areaSpec = flags.area ?? ctx.defaultAreas;
    const local = new Map<string, string>();
    for (const r of read.rows) if (isLocal(r) && !subAreas?.has(r.areaCode)) local.set(r.areaCode, r.areaName);
    const areas = resolveAreas(areaSpec, read.rows, areaSpec ? new Map() : local);
    const profileOf = profilesFor(read.rows, catalogue, ctx.knowledge);
    const rows = flags.deriveCi ? deriveCis(read.rows, (id) => profileOf(id).multiplier) : read.rows;
    const groups = resolveGroups(catalogue, flags.principle);
    const result = computeGaps(rows, profileOf, { areas, kinds, period: flags.period, repetitions, seed, subAreas, peers: ctx.config?.config.areas?.peers });
    if (groups) result.gaps = result.gaps.filter((g) => groups.includes(g.principle as GroupId));
    const env: GapsEnvelope = {
      schema: 'marmot/gaps@1',
      marmot: { version: VERSION, catalogue: catalogue.version },
      options: { areas: areas.map((a) => a.code), by: kinds, period: flags.period, principles: groups, seed, repetitions },
      inputs: read.inputs,
      gaps: result.gaps,
      diagnostics: [...read.diagnostics, ...result.diagnostics],
    };
    await emit(io, flags, renderGaps(env, flags.format, groupsOf(catalogue), stdoutChalk(io, flags)), summaryLines(read.inputs, env.diagnostics));
    const failed = (flags.failOn === 'error' && env.diagnostics.some((d) => d.severity === 'error'))
      || (flags.failOn === 'widening' && result.gaps.some((g) => g.over_time?.movement === 'widened'));
    setExit(failed ? EXIT.FINDINGS : EXIT.OK);
}

