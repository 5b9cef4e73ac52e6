import { Command, Option } from 'commander';
import { groupsOf } from '../catalogue/lookup.js';
import type { Catalogue } from '../catalogue/schema.js';
import { computeProgress } from '../compute/progress.js';
import { reportIndicators } from '../compute/report-model.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { loadSnapshot } from '../io/load-snapshot.js';
import { VERSION } from '../io/version.js';
import { renderReportHtml } from '../render/html/report.js';
import { renderReportMarkdown } from '../render/report-md.js';
import { loadContext, withDataOptions } from './context.js';
import type { Io } from './io.js';
import { collect, emit, looksLikeAreaCode, readInputs, summaryLines } from './shared.js';
import { buildSnapshot } from './snapshot.js';

interface ReportFlags {
  area?: string[];
  output?: string;
  since?: string;
  format: 'html' | 'md';
  config?: string;
  metadata?: string;
  quiet?: boolean;
  seed: string;
  repetitions: string;
}

/** A report people would rather look at: self-contained HTML (charts in SVG) or a Markdown document. */
export function reportCommand(io: Io, catalogue: Catalogue, setExit: (code: number) => void): Command {
  return withDataOptions(new Command('report')
    .summary('a self-contained HTML report (spine, trend and decile charts) or a Markdown document')
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .option('--area <area>', 'area code or name (default: the one local area, or the config\'s)', collect(looksLikeAreaCode))
    .option('-o, --output <file>', 'the report file (required for html)')
    .option('--since <baseline.json>', 'show the change since a baseline snapshot')
    .addOption(new Option('--format <format>', 'html or md').choices(['html', 'md']).default('html'))
    .option('--seed <n>', 'seed of the SII simulation', '1')
    .option('--repetitions <n>', 'draws of the SII simulation', '100000')
    .option('-q, --quiet', 'no summary on standard error'))
    .action(async (files: string[], flags: ReportFlags) => {
      if (flags.format === 'html' && !flags.output) throw new UsageError('report: an HTML report needs -o FILE (it is not written to a terminal)');
      const ctx = await loadContext(io, catalogue, flags);
      const read = await readInputs(files, io, undefined, true, ctx);
      const snapshot = buildSnapshot(read, ctx, { area: flags.area, seed: flags.seed, repetitions: flags.repetitions }, null);
      if (snapshot.options.areas.length !== 1) throw new UsageError('report: choose one area with --area');
      const since = flags.since ? await loadSnapshot(flags.since) : null;
      const progress = since ? computeProgress(since, snapshot).indicators : null;
      const areaCode = snapshot.options.areas[0]!;
      const doc = {
        area: { code: areaCode, name: read.rows.find((r) => r.areaCode === areaCode)?.areaName ?? areaCode },
        period: snapshot.latest_period,
        marmot: { version: VERSION, catalogue: catalogue.version },
        inputs: snapshot.provenance.inputs.map((i) => ({ file: i.file, bytes: i.bytes, sha256: i.sha256 })),
        groups: groupsOf(catalogue),
        indicators: reportIndicators(read.rows, snapshot.baseline, snapshot.gaps, progress),
        gaps: snapshot.gaps,
        since: since && flags.since ? { file: flags.since, period: since.latest_period } : null,
      };
      const text = flags.format === 'html' ? renderReportHtml(doc) : renderReportMarkdown(doc);
      await emit(io, { format: 'md', output: flags.output, quiet: flags.quiet }, text, summaryLines(read.inputs, read.diagnostics));
      setExit(EXIT.OK);
    });
}
