import type { ChalkInstance } from 'chalk';
import type { CheckEnvelope } from '../compute/check-schema.js';

/** The check report: a status line per input, the counts, then one line per finding (file:line). */
export function renderCheck(env: CheckEnvelope, format: 'table' | 'json', chalk: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(env, null, 2)}\n`;
  const lines = env.inputs.map((i) => `${i.file}: ${i.rows_read.toLocaleString('en-GB')} rows read (${i.dialect}), ${i.rows_rejected.toLocaleString('en-GB')} rejected`);
  const { error, warning } = env.counts;
  lines.push(error + warning === 0 ? chalk.green('No findings.') : `${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}${env.against ? ` (against ${env.against})` : ''}`);
  for (const f of env.findings) {
    const where = f.line === null ? f.file : `${f.file}:${f.line}`;
    const sev = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
    lines.push(`${where}: ${sev}: ${f.code}: ${f.column ? `${f.column}: ` : ''}${f.message}`);
  }
  for (const [code, n] of Object.entries(env.omitted ?? {})) lines.push(`… and ${n.toLocaleString('en-GB')} more ${code} (counted above; --max-findings 0 lists them all)`);
  return `${lines.join('\n')}\n`;
}
