import { loadCatalogue } from '../io/load-catalogue.js';
import { groupsOf } from '../catalogue/lookup.js';
import { profilesFor } from '../compute/indicator-profile.js';
import { EXIT } from '../exit-codes.js';
import type { RawRow } from '../ingest/row-schema.js';
import { cleanText } from '../normalise/values.js';
import { toCsv } from '../render/csv.js';
import { markdownTable } from '../render/markdown.js';
import { plainTable } from '../render/table.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, stdoutChalk, summaryLines, type OutputOptions } from './shared.js';

interface Seen {
  id: string;
  name: string;
  rows: number;
}

/** Shows which indicators of an extract fall under each principle, which principles have none, and which are unmapped. */
/** The map command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: OutputOptions & { config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
      const ctx = await loadContext(io, catalogue, flags);
      const seen = new Map<string, Seen>();
      // Only the first row of each indicator is kept (and validated); the rest are counted.
      const keep = (raw: RawRow): boolean => {
        const id = (raw.indicatorId ?? '').trim();
        const s = seen.get(id);
        if (s) {
          s.rows++;
          return false;
        }
        seen.set(id, { id, name: cleanText(raw.indicatorName) ?? id, rows: 1 });
        return true;
      };
      const read = await readInputs(files, io, keep, false, ctx);
      const profileOf = profilesFor(read.rows, catalogue, ctx.knowledge);
      const indicators = [...seen.values()].filter((s) => read.rows.some((r) => r.indicatorId === s.id)).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
      const groups = groupsOf(catalogue);
      const mapped = groups.filter((g) => g.id !== 'unmapped').map((g) => ({
        id: g.id,
        title: g.title,
        indicators: indicators.filter((i) => profileOf(i.id).group === g.id && !profileOf(i.id).hidden).map((i) => ({ id: i.id, name: i.name, rows: i.rows, matched_by: profileOf(i.id).matchedBy! })),
      }));
      const unmapped = indicators.filter((i) => profileOf(i.id).group === 'unmapped').map((i) => ({ id: i.id, name: i.name, rows: i.rows, suggestions: profileOf(i.id).suggestions }));
      const empty = mapped.filter((g) => g.indicators.length === 0 && g.id !== 'overarching').map((g) => g.id);
      let text: string;
      if (flags.format === 'json') {
        text = `${JSON.stringify({ schema: 'marmot/map@1', catalogue: catalogue.version, inputs: read.inputs, principles: mapped, principles_without_indicators: empty, unmapped, diagnostics: read.diagnostics }, null, 2)}\n`;
      } else if (flags.format === 'csv') {
        text = toCsv([
          ...mapped.flatMap((g) => g.indicators.map((i) => ({ principle: g.id, indicator_id: i.id, indicator_name: i.name, rows: i.rows, matched_by: i.matched_by }))),
          ...unmapped.map((i) => ({ principle: 'unmapped', indicator_id: i.id, indicator_name: i.name, rows: i.rows, matched_by: '', suggestions: i.suggestions.join('; ') })),
        ], ['principle', 'indicator_id', 'indicator_name', 'rows', 'matched_by', 'suggestions']);
      } else {
        const md = flags.format === 'md';
        const chalk = stdoutChalk(io, flags);
        const parts: string[] = [];
        const unmappedGroup = {
          id: 'unmapped', title: 'Not in the Marmot catalogue (shown with polarity "no judgement" unless the file says otherwise)',
          indicators: unmapped.map((u) => ({ ...u, name: u.suggestions.length ? `${u.name}\n(closest: ${u.suggestions.join('; ')})` : u.name, matched_by: '' })),
        };
        for (const g of [...mapped, unmappedGroup]) {
          if (g.indicators.length === 0) continue;
          const title = `${g.title} (${g.id}): ${g.indicators.length}`;
          const body = g.indicators.map((i) => [i.id, i.name, String(i.rows), i.matched_by]);
          if (md) parts.push(`## ${title}\n\n${markdownTable(['ID', 'Indicator', 'Rows', 'Matched by'], body)}`);
          else {
            const t = plainTable(['ID', 'Indicator', 'Rows', 'Matched'], [15, 57, 8, 8]);
            for (const b of body) t.push(b);
            parts.push(chalk.bold(title), t.toString().split('\n').map((l) => l.trimEnd()).join('\n'), '');
          }
        }
        parts.push(`Principles with no indicator in the extract: ${empty.length === 0 ? 'none' : empty.join(', ')}`);
        text = `${parts.join('\n')}\n`;
      }
      await emit(io, flags, text, summaryLines(read.inputs, read.diagnostics));
      setExit(EXIT.OK);
}

