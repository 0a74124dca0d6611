import { describe, expect, it } from 'vitest';
import { JOURNEYS_HEADER } from './journeys-csv.js';
import { createCsvParser, parseAttributionCsv } from './csv-parser.js';
import { CsvFormatError } from './csv-format-error.js';
import { PATH_ROWS_HEADER } from './path-rows-csv.js';

function errorOf(lines: string[]): CsvFormatError {
  try {
    Array.from(parseAttributionCsv(lines));
  } catch (error) {
    if (error instanceof CsvFormatError) return error;
    throw error;
  }
  throw new Error('expected a CsvFormatError');
}

describe('ChannelAttribution format', () => {
  it('reads rows with trimmed channels, CRLF endings and blank lines', () => {
    const rows = [...parseAttributionCsv([`\uFEFF${PATH_ROWS_HEADER}\r`, ' a >b > c ;2;3.5;1\r', '', 'd;0;0;4'])];
    expect(rows).toEqual([
      { path: ['a', 'b', 'c'], conversions: 2, value: 3.5, nulls: 1 },
      { path: ['d'], conversions: 0, value: 0, nulls: 4 },
    ]);
  });

  it.each([
    ['a > b;1;x;0', 3, /total_conversion_value is not a non-negative number: "x"/],
    ['a > b;-1;0;0', 3, /total_conversions is not a non-negative number/],
    ['a > b;;0;0', 3, /total_conversions is not a non-negative number: ""/],
    [' ;1;0;0', 3, /empty path/],
    ['a > > b;1;0;0', 3, /empty channel name at position 2/],
    ['a > b;1;0', 3, /expected 4 fields/],
    ['a > b;1e999;0;0', 3, /total_conversions must be a number from 0 to 1,000,000,000,000: "1e999"/],
    ['a > b;1;1000000000001;0', 3, /total_conversion_value must be a number from 0 to 1,000,000,000,000/],
    ['a > \u0000;1;0;0', 3, /NUL character/],
  ])('rejects %j with its line number', (bad, line, message) => {
    const error = errorOf([PATH_ROWS_HEADER, 'x;1;1;0', bad]);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  });
});

describe('journeys format', () => {
  const header = JOURNEYS_HEADER;

  it('assembles contiguous rows into journeys; an empty converted_at is a null journey', () => {
    const journeys = [
      ...parseAttributionCsv([
        header,
        'j1,search,2026-03-01T10:00:00Z,,2026-03-05T00:00:00Z,120.5',
        'j1,email,2026-03-02T10:00:00+02:00,lead,2026-03-05T00:00:00Z,120.5',
        'j2,"display, retargeting",2026-03-01,,,',
      ]),
    ];
    expect(journeys).toEqual([
      {
        id: 'j1',
        touches: [
          { channel: 'search', at: Date.parse('2026-03-01T10:00:00Z') },
          { channel: 'email', at: Date.parse('2026-03-02T08:00:00Z'), milestone: 'lead' },
        ],
        convertedAt: Date.parse('2026-03-05T00:00:00Z'),
        value: 120.5,
      },
      { id: 'j2', touches: [{ channel: 'display, retargeting', at: Date.parse('2026-03-01T00:00:00Z') }] },
    ]);
  });

  it('accepts the columns in any order', () => {
    const [journey] = [
      ...parseAttributionCsv([
        'channel,journey_id,value,converted_at,milestone,touched_at',
        'a,1,5,2026-01-02,,2026-01-01',
      ]),
    ];
    expect(journey).toEqual({
      id: '1',
      touches: [{ channel: 'a', at: Date.UTC(2026, 0, 1) }],
      convertedAt: Date.UTC(2026, 0, 2),
      value: 5,
    });
  });

  it.each([
    ['j1,a,2026-03-06T00:00:00Z,,2026-03-05T00:00:00Z,1', /comes after the conversion/],
    ['j1,a,2026-02-30T00:00:00Z,,2026-03-05T00:00:00Z,1', /touched_at is not an ISO-8601 timestamp/],
    ['j1,a,2026-03-01T10:00:00,,2026-03-05T00:00:00Z,1', /touched_at is not an ISO-8601 timestamp with a time zone/],
    ['j1,a,2026-03-01,boss,2026-03-05,1', /milestone must be empty, "lead" or "opportunity"/],
    ['j1,a,2026-03-01,,,7', /value 7 given for a journey without conversion/],
    ['j1,,2026-03-01,,2026-03-05,1', /empty channel/],
    [',a,2026-03-01,,2026-03-05,1', /empty journey_id/],
    ['j1,a,2026-03-01,,2026-03-05', /expected 6 comma-separated fields/],
    ['j1,a,2026-03-01,,2026-03-05,1e400', /value must be a number from 0 to 1,000,000,000,000: "1e400"/],
    ['j1,a,0000-03-01T00:00:00Z,,2026-03-05,1', /touched_at must be between the years 1 and 9999/],
    ['j1,a,0001-01-01T00:30:00+01:00,,2026-03-05,1', /touched_at must be between the years 1 and 9999/],
  ])('rejects %j on line 2', (bad, message) => {
    const error = errorOf([header, bad]);
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(message);
  });

  it('rejects rows that change the conversion, go back in time, or split a journey', () => {
    const first = 'j1,a,2026-03-02,,2026-03-05,1';
    expect(errorOf([header, first, 'j1,b,2026-03-03,,2026-03-06,1'])).toMatchObject({
      line: 3,
      reason: expect.stringMatching(/must repeat the first row/),
    });
    expect(errorOf([header, first, 'j1,b,2026-03-01,,2026-03-05,1'])).toMatchObject({
      line: 3,
      reason: expect.stringMatching(/earlier than the previous touch/),
    });
    expect(errorOf([header, first, 'j2,b,2026-03-01,,,', 'j1,c,2026-03-04,,2026-03-05,1'])).toMatchObject({
      line: 4,
      reason: expect.stringMatching(/must be contiguous/),
    });
  });
});

describe('header and file errors', () => {
  it('names both accepted headers for an unknown one', () => {
    const error = errorOf(['path,conversions', 'a,1']);
    expect(error.line).toBe(1);
    expect(error.reason).toContain(PATH_ROWS_HEADER);
    expect(error.reason).toContain(JOURNEYS_HEADER);
  });

  it('rejects an empty file and a blank first line', () => {
    expect(errorOf([])).toMatchObject({ line: 1, reason: expect.stringMatching(/empty file/) });
    expect(errorOf(['', PATH_ROWS_HEADER])).toMatchObject({ line: 1 });
  });

  it('exposes the detected format and the current line number while streaming', () => {
    const parser = createCsvParser();
    parser.pushLine(JOURNEYS_HEADER);
    expect(parser.format).toBe('journeys');
    expect(parser.pushLine('j1,a,2026-03-01,,,')).toBeUndefined();
    expect(parser.pushLine('j2,a,2026-03-01,,,')).toEqual({
      id: 'j1',
      touches: [{ channel: 'a', at: Date.UTC(2026, 2, 1) }],
    });
    expect(parser.lineNumber).toBe(3);
    expect(parser.end()).toEqual({ id: 'j2', touches: [{ channel: 'a', at: Date.UTC(2026, 2, 1) }] });
  });
});
