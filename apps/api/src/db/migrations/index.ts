/**
 * Every migration, in order, from the module registry: each module lists its own (in its
 * `migrations/` folder). Listed explicitly, not discovered from a folder, so the same list runs from
 * TypeScript sources under vitest/tsx and from compiled dist/.
 */
export { MIGRATIONS } from '../../modules/index.js';
