import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { MarmotError } from '../errors.js';

/** A configuration problem (exit 2), naming the file and the key path. */
export class ConfigError extends MarmotError {}

export interface LoadedConfig {
  config: Config;
  path: string;
  /** The config file's folder: relative paths in it are taken from there. */
  dir: string;
}

/** What a zod issue expected, in words. */
function describe(issue: { code: string; message: string; expected?: unknown; keys?: string[]; values?: unknown[] }): string {
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys?.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value' && issue.values) return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/**
 * Reads `--config FILE`, else `marmot.config.json` in the working folder when there is one; JSON
 * only, checked with zod (loaded only when there is a config: its import is ~50 ms of start-up).
 * Errors name the file, the key path and what was expected.
 */
export async function loadConfig(cwd: string, path?: string): Promise<LoadedConfig | null> {
  const file = path ? resolve(cwd, path) : resolve(cwd, 'marmot.config.json');
  if (!path && !existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${path ?? file}: cannot read the config (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path ?? file}: the config is not valid JSON (${(e as Error).message})`);
  }
  const { ConfigSchema } = await import('../config/schema.js');
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${describe(i as never)}`);
    throw new ConfigError(`${path ?? file}: ${lines[0]}`, lines.length > 1 ? lines.slice(1).join('; ') : undefined);
  }
  return { config: parsed.data, path: file, dir: dirname(file) };
}
