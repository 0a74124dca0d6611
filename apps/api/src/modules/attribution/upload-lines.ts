import { StringDecoder } from 'node:string_decoder';
import { importLineError } from './attribution.errors.js';

/** Longer than any real path or touch row; the cap keeps one endless "line" from filling memory. */
export const MAX_LINE_LENGTH = 1024 * 1024;

/**
 * The lines of an uploaded body, read chunk by chunk as the client sends them: pulling from the
 * stream only when the consumer asks keeps back-pressure on the upload and holds one line at most.
 */
export async function* uploadLines(
  body: AsyncIterable<Buffer | string>,
  maxLineLength = MAX_LINE_LENGTH,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let lineNumber = 0;
  for await (const chunk of body) {
    const text = partial + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lineNumber++;
      yield text.slice(start, end);
      start = end + 1;
    }
    partial = text.slice(start);
    if (partial.length > maxLineLength) {
      throw importLineError(
        'CSV_FORMAT',
        lineNumber + 1,
        `the line is longer than ${maxLineLength.toLocaleString('en-US')} characters`,
      );
    }
  }
  partial += decoder.end();
  if (partial.length > 0) yield partial;
}
