import type { ErrorRequestHandler } from 'express';

interface BodyError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Body-parser failures answer in the GraphQL error shape, so clients handle one format; anything else is masked. */
export function errorHandler(limitBytes: number): ErrorRequestHandler {
  return (error: BodyError, req, res, _next) => {
    const refusal = bodyRefusal(error, limitBytes);
    if (refusal) {
      res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
      return;
    }
    req.log.error({ err: error }, 'unhandled HTTP error');
    res
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}

/** The client's fault in a body body-parser could not read, or null for a server fault. */
function bodyRefusal(
  error: BodyError,
  limitBytes: number,
): { status: number; message: string; extensions: Record<string, unknown> } | null {
  switch (error.type) {
    case 'entity.too.large':
      return {
        status: 413,
        message: `The request body is larger than the limit of ${limitBytes} bytes`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes },
      };
    case 'entity.parse.failed':
      return { status: 400, message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } };
    case 'encoding.unsupported':
      return {
        status: 415,
        message: 'Send the body without Content-Encoding, or as gzip, deflate or br',
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      };
    case 'charset.unsupported':
      return { status: 415, message: 'Send the body as UTF-8', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } };
  }
  // Corrupt compression, a body cut short: body-parser marks its own 4xx errors as `expose`.
  if (error.expose && error.status !== undefined && error.status >= 400 && error.status < 500) {
    return {
      status: 400,
      message: 'The request body could not be read (corrupt compression or an incomplete body)',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  return null;
}
