/** Option definitions shared by the commands: light, so that `marmot --help` loads no data code. */
import { type Command, Option } from 'commander';

export const formatOption = (choices: string[] = ['table', 'json', 'csv', 'md']) =>
  new Option('--format <format>', 'output format').choices(choices).default('table');

/** --color and --no-color, defined in that order so that the default stays "decide from the terminal". */
export function withColorOptions(cmd: Command): Command {
  return cmd.option('--color', 'colour the table even when not on a terminal').option('--no-color', 'never colour');
}

export const outputOption = () => new Option('-o, --output <file>', 'write the output to a file (atomically) instead of standard output');

/** Repeatable option values, with commas splitting a value when every part passes `isItem`. */
export function collect(isItem: (s: string) => boolean) {
  return (value: string, previous: string[] = []): string[] => {
    const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
    return [...previous, ...(parts.length > 1 && parts.every(isItem) ? parts : [value.trim()])];
  };
}

export const looksLikeAreaCode = (s: string): boolean => /^n?[A-Z]\d{8}$/i.test(s) || s.toLowerCase() === 'all';

/** --config and --metadata, on every command that reads data. */
export function withDataOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'a marmot.config.json (default: marmot.config.json in the working folder, when there is one)')
    .option('--metadata <file>', "Fingertips' indicator metadata CSV: its polarity, value type, unit and comparator method take precedence over the catalogue");
}
