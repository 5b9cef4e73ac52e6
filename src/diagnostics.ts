/**
 * A problem found in the data while the run goes on. It never stops a run by itself;
 * `--fail-on` decides whether findings make the exit code 1.
 */
export interface Diagnostic {
  /** Stable slug, e.g. `row/invalid-number`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  file: string;
  line: number | null;
  column: string | null;
  message: string;
}

/** `file:line: column: message`, the one-line form used on stderr. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line ?? undefined].filter((x) => x !== undefined).join(':');
  return `${where}: ${d.severity}: ${d.column ? `${d.column}: ` : ''}${d.message} [${d.code}]`;
}
