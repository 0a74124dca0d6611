import { fileURLToPath } from 'node:url';

// src/config and dist/config sit at the same depth, so the repo root is four levels up from either.
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
