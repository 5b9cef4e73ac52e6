import { loadCatalogue } from '../io/load-catalogue.js';
import { groupsOf } from '../catalogue/lookup.js';
import { EXIT } from '../exit-codes.js';
import { toCsv } from '../render/csv.js';
import { markdownTable } from '../render/markdown.js';
import { plainTable } from '../render/table.js';
import type { Io } from './io.js';
import { emit, stdoutChalk, type OutputOptions } from './shared.js';

/** Lists the principles and the catalogue's indicators under each. */
/** The principles command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, flags: OutputOptions): Promise<void> {
  const catalogue = loadCatalogue();
      const groups = groupsOf(catalogue).filter((g) => g.id !== 'unmapped');
      const listed = groups.map((g) => ({
        id: g.id,
        number: g.order >= 1 && g.order <= 8 ? g.order : null,
        title: g.title,
        aliases: catalogue.principles.find((p) => p.id === g.id)?.aliases ?? [],
        indicators: catalogue.indicators.filter((i) => i.principle === g.id),
      }));
      const chalk = stdoutChalk(io, flags);
      let text: string;
      if (flags.format === 'json') {
        text = `${JSON.stringify({ schema: 'marmot/principles@1', catalogue: catalogue.version, principles: listed }, null, 2)}\n`;
      } else if (flags.format === 'csv') {
        text = toCsv(listed.flatMap((g) => g.indicators.map((i) => ({ principle: g.id, indicator_id: i.id, indicator_name: i.name, polarity: i.polarity, value_type: i.valueType, unit: i.unit, source: i.source }))));
      } else if (flags.format === 'md') {
        text = listed.map((g) => `## ${g.number ? `${g.number}. ` : ''}${g.title} (${g.id})\n\n${markdownTable(['ID', 'Indicator', 'Polarity', 'Unit'], g.indicators.map((i) => [String(i.id), i.name, i.polarity, i.unit]))}`).join('\n');
      } else {
        const parts = [`Marmot catalogue ${catalogue.version}: ${catalogue.indicators.length} indicators`, ''];
        for (const g of listed) {
          parts.push(chalk.bold(`${g.number ? `${g.number}. ` : ''}${g.title} (${g.id}) — ${g.indicators.length} indicators`));
          const t = plainTable(['ID', 'Indicator', 'Polarity', 'Unit'], [7, 58, 14, 19]);
          for (const i of g.indicators) t.push([String(i.id), i.name, i.polarity, i.unit]);
          parts.push(t.toString().split('\n').map((l) => l.trimEnd()).join('\n'), '');
        }
        text = `${parts.join('\n')}\n`;
      }
      await emit(io, flags, text, []);
      setExit(EXIT.OK);
}

