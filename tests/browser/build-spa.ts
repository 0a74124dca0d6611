import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';

const WEB_ROOT = dirname(createRequire(import.meta.url).resolve('@aa/web/package.json'));

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
