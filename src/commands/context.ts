export { withDataOptions } from './options.js';
import { relative, resolve } from 'node:path';
import { matchIndicatorName, normaliseIndicatorName } from '../catalogue/match.js';
import type { IndicatorMetadata } from '../catalogue/metadata.js';
import type { Catalogue } from '../catalogue/schema.js';
import { globToRegExp } from '../config/glob.js';
import type { SourceSpec } from '../config/schema.js';
import type { Knowledge } from '../compute/indicator-profile.js';
import type { Resolvers } from '../ingest/adapt.js';
import { ConfigError, loadConfig, type LoadedConfig } from '../io/load-config.js';
import { resolvePrinciple } from '../catalogue/lookup.js';
import { readAreaLookup, type AreaLookup } from '../io/read-lookup.js';
import { readMetadata } from '../io/read-metadata.js';
import type { Io } from './io.js';

/** What a run knows beyond the extracts: the catalogue, the place's config, Fingertips' metadata. */
export interface Context {
  catalogue: Catalogue;
  config: LoadedConfig | null;
  metadata: Map<string, IndicatorMetadata> | null;
  lookup: AreaLookup | null;
  knowledge: Knowledge;
  sourceFor: (file: string) => SourceSpec | null;
  resolvers: Resolvers;
  /** The config's area codes, used when --area is not given. */
  defaultAreas: string[] | undefined;
}

/** Every principle a config names must be one of the catalogue's (by id, number or wording). */
function checkPrinciples(loaded: LoadedConfig, catalogue: Catalogue): void {
  const named = [
    ...(loaded.config.indicators ?? []).map((i, k) => [`indicators.${k}.principle`, i.principle] as const),
    ...(loaded.config.overrides ?? []).flatMap((o, k) => (o.principle ? [[`overrides.${k}.principle`, o.principle] as const] : [])),
  ];
  for (const [where, text] of named) {
    if (!resolvePrinciple(catalogue, text)) {
      throw new ConfigError(`${loaded.path}: ${where}: "${text}" is not a principle`, `expected one of ${catalogue.principles.map((p) => p.id).join(', ')}, overarching, a number 1–8, or a principle's wording`);
    }
  }
}


/** Loads the config, its areas lookup and the metadata a command was given. */
export async function loadContext(io: Io, catalogue: Catalogue, flags: { config?: string; metadata?: string }): Promise<Context> {
  const config = await loadConfig(io.cwd, flags.config);
  if (config) checkPrinciples(config, catalogue);
  const metadata = flags.metadata ? await readMetadata(flags.metadata, io.stdin) : null;
  const lookupPath = config?.config.areas?.lookup;
  const lookup = lookupPath ? await readAreaLookup(resolve(config!.dir, lookupPath), io.stdin) : null;
  const sources = (config?.config.sources ?? []).map((s) => ({ spec: s, re: globToRegExp(s.files) }));
  const localByName = new Map((config?.config.indicators ?? []).map((i) => [normaliseIndicatorName(i.name), i.id]));
  const byName = new Set<string>();
  return {
    catalogue,
    config,
    metadata,
    lookup,
    knowledge: { config: config?.config ?? null, metadata, matchedByName: byName, sourceUnits: new Map() },
    sourceFor: (file) => {
      if (!config || file === '-') return null;
      const rel = relative(config.dir, resolve(io.cwd, file)).split('\\').join('/');
      return sources.find((s) => s.re.test(rel))?.spec ?? null;
    },
    resolvers: {
      areaCode: (name) => lookup?.codeByName.get(name.toLowerCase()) ?? null,
      parentCode: (code) => lookup?.subAreas.get(code)?.parent ?? null,
      indicatorId: (name) => {
        const local = localByName.get(normaliseIndicatorName(name));
        if (local) return local;
        const m = matchIndicatorName(catalogue, name).entry;
        if (!m) return null;
        byName.add(String(m.id));
        return String(m.id);
      },
    },
    defaultAreas: config?.config.areas?.codes,
  };
}
