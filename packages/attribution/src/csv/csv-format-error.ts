/** A line of an attribution CSV that cannot be read; `line` is 1-based, the header is line 1. */
export class CsvFormatError extends Error {
  readonly code = 'CSV_FORMAT';

  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvFormatError';
  }
}

/** Thrown by field readers; the parser adds the line number. */
export class FieldError extends Error {}
