import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express, type Response } from 'express';
import type { Logger } from '../observability/logger.js';

/** Vite names everything under assets/ by its content hash: a changed file is a new URL. */
const HASHED_ASSETS = /[\\/]assets[\\/]/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the favicon) must be revalidated, or a deploy would keep serving old chunk names. */
const REVALIDATE = 'no-cache';

function cacheHeaders(res: Response, path: string): void {
  res.setHeader('Cache-Control', HASHED_ASSETS.test(path) ? IMMUTABLE : REVALIDATE);
}

/**
 * The built SPA (apps/web/dist), compressed (brotli or gzip, as the browser accepts), with index.html
 * for its client-side routes (/pricing, /settings, …). Paths the API owns fall through to it.
 */
export function serveSpa(app: Express, webDistDir: string, apiPrefixes: readonly string[], log: Logger): void {
  const indexHtml = join(webDistDir, 'index.html');
  if (!existsSync(indexHtml)) {
    log.info({ webDistDir }, 'web app not built: serving the API only');
    return;
  }
  const ownedByApi = (path: string) => apiPrefixes.some((prefix) => path.startsWith(prefix));
  const compress = compression();
  app.use((req, res, next) => (ownedByApi(req.path) ? next() : compress(req, res, next)));
  app.use(express.static(webDistDir, { index: false, setHeaders: cacheHeaders }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || ownedByApi(req.path)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(indexHtml);
  });
}
