import type { PathRow } from '../types.js';
import { readAmount } from './csv-fields.js';
import { FieldError } from './csv-format-error.js';

export const PATH_ROWS_HEADER = 'path;total_conversions;total_conversion_value;total_null';

export function isPathRowsHeader(fields: readonly string[]): boolean {
  return fields.join(';') === PATH_ROWS_HEADER;
}

/** One line of the ChannelAttribution format: `a > b > c;conversions;value;nulls`. */
export function readPathRow(line: string): PathRow {
  const fields = line.split(';');
  if (fields.length !== 4) {
    throw new FieldError(`expected 4 fields separated by ";" (${PATH_ROWS_HEADER}), found ${fields.length}`);
  }
  const [pathText, conversions, value, nulls] = fields as [string, string, string, string];
  if (pathText.trim() === '') throw new FieldError('empty path');
  const path = pathText.split('>');
  for (let i = 0; i < path.length; i++) {
    const channel = path[i]!.trim();
    if (channel === '') throw new FieldError(`empty channel name at position ${i + 1} of path ${JSON.stringify(pathText)}`);
    path[i] = channel;
  }
  return {
    path,
    conversions: readAmount(conversions, 'total_conversions'),
    value: readAmount(value, 'total_conversion_value'),
    nulls: readAmount(nulls, 'total_null'),
  };
}
