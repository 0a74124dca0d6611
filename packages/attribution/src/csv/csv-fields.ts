import { AMOUNT_RANGE_TEXT, TIME_RANGE_TEXT, isAmountInRange, isTimeInRange } from '../input-bounds.js';
import { FieldError } from './csv-format-error.js';

/** A non-negative decimal; `Number()` alone would read '' as 0 and accept hex. */
export function readAmount(text: string, column: string): number {
  const trimmed = text.trim();
  if (!isDecimal(trimmed, 0, trimmed.length)) {
    throw new FieldError(`${column} is not a non-negative number: ${JSON.stringify(text)}`);
  }
  return checkedAmount(Number(trimmed), trimmed, column);
}

/** A decimal read: '1e400' is a decimal too, and Number() makes it Infinity. */
export function checkedAmount(amount: number, text: string, column: string): number {
  if (!isAmountInRange(amount)) throw new FieldError(`${column} must be ${AMOUNT_RANGE_TEXT}: ${JSON.stringify(text)}`);
  return amount;
}

/** Whether text[start, end) is digits with an optional fraction and exponent; scanned, not matched, as it runs per field. */
export function isDecimal(text: string, start: number, end: number): boolean {
  let i = start;
  if (text.charCodeAt(i) === 43 /* + */) i++;
  let digits = 0;
  for (; i < end && isDigit(text.charCodeAt(i)); i++) digits++;
  if (i < end && text.charCodeAt(i) === 46 /* . */) {
    for (i++; i < end && isDigit(text.charCodeAt(i)); i++) digits++;
  }
  if (digits === 0) return false;
  if (i < end && (text.charCodeAt(i) | 32) === 101 /* e or E */) {
    i++;
    if (i < end && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    const exponentStart = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === exponentStart) return false;
  }
  return i === end;
}

export function isBlank(code: number): boolean {
  return code === 32 /* space */ || code === 9; /* tab */
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** An ISO-8601 date (UTC midnight) or date-time with a zone (Z or ±hh:mm), as epoch ms. */
export function readTimestamp(text: string, column: string): number {
  const trimmed = text.trim();
  const match = ISO_8601.exec(trimmed);
  const ms = match ? Date.parse(trimmed) : Number.NaN;
  // Date.parse rolls 2026-02-30 over to March; a real calendar day is required.
  if (!match || !Number.isFinite(ms) || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new FieldError(
      `${column} is not an ISO-8601 timestamp with a time zone (e.g. 2026-03-01T12:00:00Z): ${JSON.stringify(text)}`,
    );
  }
  if (!isTimeInRange(ms)) throw new FieldError(`${column} must be ${TIME_RANGE_TEXT}: ${JSON.stringify(text)}`);
  return ms;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Splits a comma-separated line, honouring RFC 4180 double quotes. */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  if (quoted) throw new FieldError('a quoted field is not closed');
  fields.push(field);
  return fields;
}
