import type { Journey, PathRow } from '../types.js';
import { ChannelNames } from './channel-names.js';
import { CsvFormatError, FieldError } from './csv-format-error.js';
import { JOURNEYS_HEADER, JourneyAssembler, journeyColumnsOf, type FinishedJourney } from './journeys-csv.js';
import { PATH_ROWS_HEADER, isPathRowsHeader, readPathRow } from './path-rows-csv.js';

export type CsvFormat = 'path-rows' | 'journeys';

export interface AttributionCsvParser {
  /** Known once the header is read. */
  readonly format: CsvFormat | undefined;
  /** The number of the last line pushed (1-based). */
  readonly lineNumber: number;
  /** The first line of the record returned last: where to point when the engine rejects it. */
  readonly recordLine: number;
  /** Feeds the next line (without its line break); returns a record when one is complete. */
  pushLine(line: string): Journey | PathRow | undefined;
  /** Call after the last line: returns the journey still open, if any. */
  end(): Journey | PathRow | undefined;
}

/**
 * Streaming parser for both attribution CSV formats, detected from the header. Holds one journey
 * at most (and the ids of those finished, to catch a split journey), so files of any size can be
 * read line by line. Errors are CsvFormatError with the line.
 */
export function createCsvParser(): AttributionCsvParser {
  let lineNumber = 0;
  let format: CsvFormat | undefined;
  let journeys: JourneyAssembler | undefined;
  let recordLine = 0;
  const channelNames = new ChannelNames();

  const readHeader = (line: string): void => {
    const text = line.replace(/^\uFEFF/, '');
    const separator = text.includes(';') ? ';' : ',';
    const fields = text.split(separator).map((field) => field.trim().toLowerCase());
    if (isPathRowsHeader(fields)) {
      format = 'path-rows';
      return;
    }
    const columns = journeyColumnsOf(fields);
    if (!columns) {
      throw new FieldError(
        `unknown header ${JSON.stringify(line)}: expected "${PATH_ROWS_HEADER}" or "${JOURNEYS_HEADER}"`,
      );
    }
    format = 'journeys';
    journeys = new JourneyAssembler(columns);
  };

  const readLine = (line: string): Journey | PathRow | undefined => {
    if (format === undefined) {
      readHeader(line);
      return undefined;
    }
    if (!journeys) {
      recordLine = lineNumber;
      return readPathRow(line, channelNames);
    }
    return finishedJourney(journeys.pushRow(line, lineNumber));
  };

  const finishedJourney = (finished: FinishedJourney | undefined): Journey | undefined => {
    if (!finished) return undefined;
    recordLine = finished.firstLine;
    return finished.journey;
  };

  return {
    get format() {
      return format;
    },
    get lineNumber() {
      return lineNumber;
    },
    get recordLine() {
      return recordLine;
    },
    pushLine(rawLine) {
      lineNumber++;
      const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
      if (line.trim() === '') {
        if (lineNumber === 1) throw new CsvFormatError(1, 'the first line must be the header');
        return undefined;
      }
      // PostgreSQL's text cannot hold U+0000; refused here, it never reaches a statement.
      if (line.includes('\0')) throw new CsvFormatError(lineNumber, 'the line holds a NUL character (U+0000)');
      try {
        return readLine(line);
      } catch (error) {
        if (error instanceof FieldError) throw new CsvFormatError(lineNumber, error.message);
        throw error;
      }
    },
    end() {
      if (format === undefined)
        throw new CsvFormatError(1, `empty file: expected the header "${PATH_ROWS_HEADER}" or "${JOURNEYS_HEADER}"`);
      return finishedJourney(journeys?.end());
    },
  };
}

/** Convenience over createCsvParser for lines already in memory or produced lazily. */
export function* parseAttributionCsv(lines: Iterable<string>): Generator<Journey | PathRow> {
  const parser = createCsvParser();
  for (const line of lines) {
    const record = parser.pushLine(line);
    if (record) yield record;
  }
  const last = parser.end();
  if (last) yield last;
}
