// Lint keeps the module rule of docs/architecture.md: a module (or SPA feature) reaches another
// only through its index.ts, packages never import apps, and there are no import cycles.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Every folder of apps/api/src/modules is a module: a new one is under the rule without a line here. */
const API_MODULES = readdirSync(join(import.meta.dirname, 'apps/api/src/modules'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SPA_FEATURES = ['admin', 'api-keys', 'attribution', 'auth', 'billing', 'organization', 'usage'];

/** Files of `root/<name>` may import the rest of `root` only through another folder's index.ts. */
function throughIndexOnly(root, names, exceptions = {}) {
  return names.map((name) => ({
    target: `${root}/${name}`,
    from: root,
    except: [
      `./${name}`,
      ...names.filter((other) => other !== name).map((other) => `./${other}/index.ts`),
      ...(exceptions[name] ?? []),
    ],
    message: `Import another ${root.endsWith('modules') ? 'module' : 'feature'} through its index.ts only.`,
  }));
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.data/**',
      'apps/web/src/gql/**',
      'apps/api/src/test/gql/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Lets no-cycle parse the TypeScript files it follows (the plugin's TypeScript preset, minus its resolver).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json', 'tests/*/tsconfig.json'],
          conditionNames: ['source', 'types', 'import', 'node', 'default'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      // `_name` marks a parameter a signature needs (Express's error handler) or a key left out of a rest object.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: 'packages', from: 'apps', message: 'Packages never import apps.' },
            { target: 'apps/web', from: 'apps/api/src', message: 'The SPA talks to the API over HTTP only.' },
            ...throughIndexOnly(
              'apps/api/src/modules',
              API_MODULES,
              // module.ts is the registry's shared shape, not a module.
              Object.fromEntries(API_MODULES.map((name) => [name, ['./module.ts']])),
            ),
            {
              // The app's edges (composition root, CLIs, GraphQL, HTTP, database) see the registry and index.ts files only.
              target: ['apps/api/src/*.ts', 'apps/api/src/{graphql,http,db}/**'],
              from: 'apps/api/src/modules',
              except: ['./index.ts', './module.ts', ...API_MODULES.map((name) => `./${name}/index.ts`)],
              message: 'Reach a module through the registry (modules/index.ts) or its index.ts only.',
            },
            ...throughIndexOnly('apps/web/src/features', SPA_FEATURES),
          ],
        },
      ],
    },
  },
  {
    // The track-journey bench reads the raw GraphQL JSON it times; tests read typed documents (apps/api/src/test/gql).
    files: ['**/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // codegen plugins are loaded with require() by graphql-codegen.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
