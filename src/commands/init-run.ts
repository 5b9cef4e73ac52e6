import { loadCatalogue } from '../io/load-catalogue.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Catalogue } from '../catalogue/schema.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { writeFileAtomic, writeToStream } from '../io/write-output.js';
import type { Io } from './io.js';

/** A starting config for an area: its code, an empty source list to fill, and the catalogue for reference. */
export function startingConfig(catalogue: Catalogue, area: string): Config {
  return {
    $schema: './node_modules/marmot/schema/config.v1.json',
    areas: { codes: [area], peers: [] },
    sources: [],
    indicators: [],
    overrides: [],
    reference: {
      note: 'The Marmot catalogue, for reference; marmot ignores this key. Override a placement or polarity in "overrides".',
      catalogue: catalogue.version,
      indicators: catalogue.indicators.map((i) => ({ id: String(i.id), name: i.name, principle: i.principle, polarity: i.polarity })),
    },
  };
}

/** The init command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, flags: { area: string; output: string; force?: boolean }): Promise<void> {
  const catalogue = loadCatalogue();
      const path = resolve(io.cwd, flags.output);
      if (!flags.force && existsSync(path)) throw new UsageError(`${flags.output}: already exists; use --force to replace it`);
      await writeFileAtomic(path, `${JSON.stringify(startingConfig(catalogue, flags.area), null, 2)}\n`);
      await writeToStream(io.stderr, `wrote ${flags.output}: fill in "sources" for local tables (see README, "Local tables")\n`);
      setExit(EXIT.OK);
}

