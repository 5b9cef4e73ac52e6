import { InputError } from '../errors.js';
import { canonicalKey } from '../ingest/headers.js';
import { parseMethod, parsePolarity, type IndicatorMetadata } from '../catalogue/metadata.js';
import { openInput } from './open-input.js';
import { csvParseReader } from './read-records.js';

/**
 * Reads an indicator metadata CSV (`--metadata FILE`) as Fingertips publishes it beside its data
 * (`Indicator ID`, `Polarity`, `Value type`, `Unit`, …), or FingertipsNext's seed (`IndicatorID`,
 * `Polarity`, `BenchmarkComparisonMethod`, `ValueType`), headers matched by name.
 */
export async function readMetadata(path: string, stdin: NodeJS.ReadableStream): Promise<Map<string, IndicatorMetadata>> {
  const input = await openInput(path, stdin);
  const out = new Map<string, IndicatorMetadata>();
  let cols: Record<'id' | 'polarity' | 'valueType' | 'unit' | 'method', number> | null = null;
  for await (const rec of csvParseReader(input.text, (s) => { throw new InputError(`${input.name}:${s.line}: ${s.message}`); })) {
    if (!cols) {
      const keys = rec.fields.map(canonicalKey);
      const find = (...names: string[]) => keys.findIndex((k) => names.includes(k));
      cols = {
        id: find('indicatorid'), polarity: find('polarity'), valueType: find('valuetype'), unit: find('unit'),
        method: find('benchmarkcomparisonmethod', 'comparatormethod', 'comparisonmethod'),
      };
      if (cols.id < 0) throw new InputError(`${input.name}:1: the metadata has no Indicator ID column`, 'expected columns: Indicator ID, Polarity, Value type, Unit');
      continue;
    }
    const cell = (i: number) => (i < 0 ? '' : rec.fields[i]?.trim() ?? '');
    const id = cell(cols.id);
    if (!id) continue;
    const m = parseMethod(cell(cols.method));
    out.set(id, {
      polarity: parsePolarity(cell(cols.polarity)),
      valueType: cell(cols.valueType) || null,
      unit: cell(cols.unit) || null,
      method: m.method,
      confidence: m.method ? (m.confidence ?? 0.95) : null,
    });
  }
  return out;
}
