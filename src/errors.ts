/**
 * Errors that stop a run (exit 2). Each message is one or two lines naming the file, line and
 * column where known and what was expected; `hint` is an optional second line.
 */
export class MarmotError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags or arguments. */
export class UsageError extends MarmotError {}

/** Input that cannot be read: missing, not UTF-8, no known header, no usable row. */
export class InputError extends MarmotError {}
