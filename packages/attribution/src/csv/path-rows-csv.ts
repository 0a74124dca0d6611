import type { PathRow } from '../types.js';
import type { ChannelNames } from './channel-names.js';
import { checkedAmount, isBlank, isDecimal } from './csv-fields.js';
import { FieldError } from './csv-format-error.js';

export const PATH_ROWS_HEADER = 'path;total_conversions;total_conversion_value;total_null';

const AMOUNT_COLUMNS = ['total_conversions', 'total_conversion_value', 'total_null'] as const;

export function isPathRowsHeader(fields: readonly string[]): boolean {
  return fields.join(';') === PATH_ROWS_HEADER;
}

/**
 * One line of the ChannelAttribution format: `a > b > c;conversions;value;nulls`. Scans the line
 * by index rather than splitting and trimming: this is the hot loop of a million-row import.
 */
export function readPathRow(line: string, names: ChannelNames): PathRow {
  const first = line.indexOf(';');
  const second = first < 0 ? -1 : line.indexOf(';', first + 1);
  const third = second < 0 ? -1 : line.indexOf(';', second + 1);
  if (third < 0 || line.indexOf(';', third + 1) >= 0) {
    throw new FieldError(`expected 4 fields separated by ";" (${PATH_ROWS_HEADER}), found ${line.split(';').length}`);
  }
  return {
    path: readPath(line, first, names),
    conversions: readAmountAt(line, first + 1, second, 0),
    value: readAmountAt(line, second + 1, third, 1),
    nulls: readAmountAt(line, third + 1, line.length, 2),
  };
}

function readPath(line: string, end: number, names: ChannelNames): string[] {
  const path: string[] = [];
  let start = 0;
  while (start <= end) {
    let stop = line.indexOf('>', start);
    if (stop < 0 || stop > end) stop = end;
    let from = start;
    let to = stop;
    while (from < to && isBlank(line.charCodeAt(from))) from++;
    while (to > from && isBlank(line.charCodeAt(to - 1))) to--;
    if (from === to) {
      const text = line.slice(0, end);
      if (text.trim() === '') throw new FieldError('empty path');
      throw new FieldError(`empty channel name at position ${path.length + 1} of path ${JSON.stringify(text)}`);
    }
    path.push(names.at(line, from, to));
    start = stop + 1;
  }
  return path;
}

/** A non-negative decimal in line[start, end): digits, an optional fraction and exponent. */
function readAmountAt(line: string, start: number, end: number, column: 0 | 1 | 2): number {
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  if (!isDecimal(line, start, end)) {
    throw new FieldError(
      `${AMOUNT_COLUMNS[column]} is not a non-negative number: ${JSON.stringify(line.slice(start, end))}`,
    );
  }
  const text = line.slice(start, end);
  return checkedAmount(Number(text), text, AMOUNT_COLUMNS[column]);
}
