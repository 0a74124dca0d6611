import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AttributionAccumulator } from '../accumulator.js';
import { CsvFormatError } from '../csv/csv-format-error.js';
import { createCsvParser, type AttributionCsvParser } from '../csv/csv-parser.js';
import { AttributionInputError } from '../errors.js';
import type { Journey, PathRow } from '../types.js';
import { parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { formatJson, formatTables } from './format-output.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs the attribution CLI; returns the exit code (0 ok, 1 bad input file, 2 bad command line). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  let accumulator;
  try {
    args = parseCliArgs(argv);
    if (args === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    accumulator = new AttributionAccumulator(args.models, args.options);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof AttributionInputError)) throw error;
    io.stderr(`attribution: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const parser = createCsvParser();
  try {
    // Line by line: memory stays flat whatever the file size.
    const lines = createInterface({ input: createReadStream(resolve(io.cwd, args.input)), crlfDelay: Infinity });
    for await (const line of lines) feed(accumulator, parser.pushLine(line));
    feed(accumulator, parser.end());
  } catch (error) {
    io.stderr(`${describeFailure(error, args.input, parser)}\n`);
    return 1;
  }
  const result = accumulator.result();
  io.stdout(args.json ? formatJson(result) : formatTables(result));
  return 0;
}

function feed(accumulator: AttributionAccumulator, record: Journey | PathRow | undefined): void {
  if (!record) return;
  if ('path' in record) accumulator.addPathRow(record);
  else accumulator.addJourney(record);
}

function describeFailure(error: unknown, input: string, parser: AttributionCsvParser): string {
  if (error instanceof CsvFormatError) return `${input}:${error.line}: ${error.reason}`;
  if (error instanceof AttributionInputError) return `${input}:${parser.recordLine}: ${error.message}`;
  if (isFileSystemError(error)) return `${input}: cannot read the file (${error.code})`;
  throw error;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
