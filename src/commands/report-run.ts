import { loadCatalogue } from '../io/load-catalogue.js';
import { groupsOf } from '../catalogue/lookup.js';
import { computeProgress } from '../compute/progress.js';
import { reportIndicators } from '../compute/report-model.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { loadSnapshot } from '../io/load-snapshot.js';
import { VERSION } from '../io/version.js';
import { renderReportHtml } from '../render/html/report.js';
import { renderReportMarkdown } from '../render/report-md.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, summaryLines } from './shared.js';
import { buildSnapshot } from './snapshot-run.js';

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
/** The report command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: ReportFlags): Promise<void> {
  const catalogue = loadCatalogue();
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
}

