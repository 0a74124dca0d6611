import type { TestProject } from 'vitest/node';
import { buildSpa } from './build-spa.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The SPA built once for this run, served by every browser test's API. */
    webDistDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const spa = await buildSpa();
  project.provide('webDistDir', spa.distDir);
  return spa.dispose;
}
