import { CsvFormatError, createCsvParser, type CsvFormat, type Journey, type PathRow } from '@aa/attribution';
import { importLineError } from './attribution.errors.js';
import { importedChannelsProblem } from './journey-validation.js';

/** The most journeys (or aggregated path rows) one import may hold. */
export const MAX_IMPORT_JOURNEYS = 100_000;

export type ImportRecord = { kind: 'journey'; journey: Journey } | { kind: 'path'; row: PathRow };

export interface ImportFormat {
  format: CsvFormat | undefined;
}

/**
 * Reads an import CSV line by line (either format of the engine's parser) and yields each record
 * once it is complete and checked. Any problem becomes a BAD_USER_INPUT error naming its line, so
 * the caller only has to roll back.
 */
export async function* readImportRecords(
  lines: AsyncIterable<string> | Iterable<string>,
  seen: ImportFormat,
  maxJourneys = MAX_IMPORT_JOURNEYS,
): AsyncGenerator<ImportRecord> {
  const parser = createCsvParser();
  let count = 0;
  const accept = (record: Journey | PathRow): ImportRecord => {
    count++;
    if (count > maxJourneys) {
      throw importLineError(
        'TOO_MANY_JOURNEYS',
        parser.recordLine,
        `one import holds at most ${maxJourneys.toLocaleString('en-US')} journeys; split the file`,
      );
    }
    const checked: ImportRecord =
      'path' in record ? { kind: 'path', row: record } : { kind: 'journey', journey: record };
    checkLimits(checked, parser.recordLine);
    return checked;
  };
  try {
    for await (const line of lines) {
      const record = parser.pushLine(line);
      seen.format = parser.format;
      if (record) yield accept(record);
    }
    const last = parser.end();
    seen.format = parser.format;
    if (last) yield accept(last);
  } catch (error) {
    if (error instanceof CsvFormatError) throw importLineError('CSV_FORMAT', error.line, error.reason);
    throw error;
  }
}

function checkLimits(record: ImportRecord, line: number): void {
  const channels = record.kind === 'path' ? record.row.path : record.journey.touches.map((touch) => touch.channel);
  const problem = importedChannelsProblem(channels, record.kind === 'journey');
  if (problem !== null) throw importLineError('INVALID_JOURNEY', line, problem);
}
