import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds the SPA exactly as `pnpm build` does, into a private folder the API then serves. */
export async function buildSpa(): Promise<{ distDir: string; dispose: () => Promise<void> }> {
  const distDir = await mkdtemp(join(tmpdir(), 'aa-web-dist-'));
  await build({
    root: WEB_ROOT,
    configFile: join(WEB_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true },
  });
  return { distDir, dispose: () => rm(distDir, { recursive: true, force: true }) };
}
