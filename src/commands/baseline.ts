import { Command, Option } from 'commander';
import { groupsOf, indicatorById, resolvePrinciple } from '../catalogue/lookup.js';
import type { Catalogue, GroupId } from '../catalogue/schema.js';
import { resolveAreas } from '../compute/areas.js';
import { computeBaseline } from '../compute/baseline.js';
import type { BaselineEnvelope } from '../compute/baseline-schema.js';
import { inferPolarity, profileIndicator, type IndicatorProfile } from '../compute/indicator-profile.js';
import { headlineAreaFilter } from '../compute/selection.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import { VERSION } from '../io/version.js';
import { renderBaseline } from '../render/baseline.js';
import type { Io } from './io.js';
import { collect, emit, formatOption, looksLikeAreaCode, outputOption, readInputs, stdoutChalk, summaryLines, type OutputOptions } from './shared.js';

interface BaselineFlags extends OutputOptions {
  area?: string[];
  period: string;
  principle?: string[];
  failOn: 'never' | 'error' | 'warning' | 'mismatch';
}

/** Profiles for every indicator in the rows: catalogue first, else polarity from the published comparisons. */
export function profilesFor(rows: IndicatorRow[], catalogue: Catalogue): (id: string) => IndicatorProfile {
  const lookup = indicatorById(catalogue);
  const englandAt = new Map<string, number | null>();
  const byIndicator = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    if (r.areaCode === ENGLAND_CODE) englandAt.set(`${r.indicatorId}|${r.sex}|${r.age}|${r.period.label}`, r.value);
    let list = byIndicator.get(r.indicatorId);
    if (!list) byIndicator.set(r.indicatorId, (list = []));
    list.push(r);
  }
  const cache = new Map<string, IndicatorProfile>();
  return (id) => {
    let p = cache.get(id);
    if (!p) {
      const list = byIndicator.get(id) ?? [];
      const entry = lookup(id);
      const inferred = entry ? null : inferPolarity(list, (r) => englandAt.get(`${r.indicatorId}|${r.sex}|${r.age}|${r.period.label}`) ?? null);
      p = profileIndicator(id, list[0]?.indicatorName ?? entry?.name ?? id, entry, inferred);
      cache.set(id, p);
    }
    return p;
  };
}

function resolveGroups(catalogue: Catalogue, principles: string[] | undefined): GroupId[] | null {
  if (!principles || principles.length === 0) return null;
  return principles.map((p) => {
    const id = resolvePrinciple(catalogue, p);
    if (!id) {
      throw new UsageError(`--principle ${p}: not a principle; expected one of ${catalogue.principles.map((x) => x.id).join(', ')}, overarching or unmapped (or a principle's wording)`);
    }
    return id;
  });
}

export function baselineCommand(io: Io, catalogue: Catalogue, setExit: (code: number) => void): Command {
  return new Command('baseline')
    .summary('baseline value per indicator for an area, grouped by Marmot principle')
    .description("For each indicator in the extract: the baseline period's value with its 95% CI, the England and parent values, the comparisons with them recomputed by Fingertips' method beside the published ones, and the recent trend.")
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .option('--area <area>', 'area code or name; repeat or comma-separate codes; "all" for every area (default: the one local area)', collect(looksLikeAreaCode))
    .option('--period <period>', 'latest, or a period label such as 2019/20', 'latest')
    .option('--principle <id>', 'only this principle (id, number or wording); repeatable', collect((s) => /^[a-z-]+$|^\d$/.test(s)))
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices(['never', 'error', 'warning', 'mismatch']).default('never'))
    .option('-q, --quiet', 'no summary on standard error')
    .option('--color', 'colour the table even when not on a terminal')
    .option('--no-color', 'never colour')
    .action(async (files: string[], flags: BaselineFlags) => {
      const groups = resolveGroups(catalogue, flags.principle);
      const filter = headlineAreaFilter(flags.area);
      const read = await readInputs(files, io, filter.keep);
      const areas = resolveAreas(flags.area, read.rows, flags.area ? new Map() : filter.localAreas);
      const profileOf = profilesFor(read.rows, catalogue);
      const result = computeBaseline(read.rows, profileOf, { areas, period: flags.period, groups });
      const diagnostics = [...read.diagnostics, ...result.diagnostics];
      const envelope: BaselineEnvelope = {
        schema: 'marmot/baseline@1',
        marmot: { version: VERSION, catalogue: catalogue.version },
        options: { areas: areas.map((a) => a.code), period: flags.period, principles: groups, derive_ci: false },
        inputs: read.inputs,
        rows: result.rows,
        diagnostics,
      };
      const text = renderBaseline(envelope, flags.format, groupsOf(catalogue), stdoutChalk(io, flags));
      await emit(io, flags, text, summaryLines(read.inputs, diagnostics));
      const mismatch = result.rows.some((r) => r.england.agrees === false || r.parent.agrees === false || r.trend.agrees === false);
      const failed =
        (flags.failOn === 'error' && diagnostics.some((d) => d.severity === 'error')) ||
        (flags.failOn === 'warning' && diagnostics.some((d) => d.severity !== 'info')) ||
        (flags.failOn === 'mismatch' && mismatch);
      setExit(failed ? EXIT.FINDINGS : EXIT.OK);
    });
}
