import type { Request } from 'express';

/** Charsets whose bytes are UTF-8 as the upload's decoder reads them. */
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Why a streamed upload of `type` (read as raw bytes, not through body-parser) cannot be read as
 * UTF-8 text, or null: another media type, a Content-Encoding, or a charset other than UTF-8. The
 * answer is 415 UNSUPPORTED_MEDIA_TYPE, as body-parser answers the same for JSON bodies.
 */
export function unsupportedUpload(req: Request, type: string): string | null {
  if (!req.is(type)) return `Send the file as Content-Type: ${type}`;
  const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return `Send the file without Content-Encoding (got ${JSON.stringify(encoding)})`;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.header('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    return `Send the file as UTF-8 (got charset ${JSON.stringify(charset)})`;
  }
  return null;
}
