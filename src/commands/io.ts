/** The program's view of its process, passed in so that tests can drive it without globals. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** The working folder: marmot.config.json is looked for there. */
  cwd: string;
}
