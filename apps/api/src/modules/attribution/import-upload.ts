import { createHash, type Hash } from 'node:crypto';
import { uploadLines } from './upload-lines.js';

/**
 * An import's file as its lines, read lazily, and its content hash, known once every line was read:
 * the same bytes give the same hash whether they came as a GraphQL string or a streamed REST body.
 */
export interface ImportUpload {
  readonly lines: AsyncIterable<string> | Iterable<string>;
  /** Hex SHA-256 of the whole content; call it only after `lines` is exhausted. */
  contentSha256(): string;
}

/** A file sent whole (the GraphQL mutation's `csv`): its lines are sliced one at a time, never all at once. */
export function textUpload(csv: string): ImportUpload {
  const hash = createHash('sha256').update(csv, 'utf8');
  return { lines: linesOf(csv), contentSha256: () => hash.copy().digest('hex') };
}

/** A streamed body (POST /imports/journeys): hashed chunk by chunk as the lines are read from it. */
export function streamUpload(body: AsyncIterable<Buffer | string>): ImportUpload {
  const hash = createHash('sha256');
  return { lines: uploadLines(hashing(body, hash)), contentSha256: () => hash.copy().digest('hex') };
}

function* linesOf(text: string): Generator<string> {
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    yield text.slice(start, end);
    start = end + 1;
  }
  yield text.slice(start);
}

async function* hashing(body: AsyncIterable<Buffer | string>, hash: Hash): AsyncGenerator<Buffer | string> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}
