import type { CodegenConfig } from '@graphql-codegen/cli';

const SPA_DOCUMENTS = ['apps/web/src/**/*.graphql'];
// The API's tests write their operations with graphql(`…`) from apps/api/src/test/gql, as the SPA's
// typed documents are, so a test reads results and passes variables in the schema's types.
const API_TEST_DOCUMENTS = [
  'apps/api/src/**/*.test.ts',
  'apps/api/src/**/test/**/*.ts',
  'apps/api/src/**/test-*.ts',
  'tests/browser/*.ts',
  '!apps/api/src/test/gql/**',
];

const CLIENT_PRESET_CONFIG = {
  useTypeImports: true,
  enumsAsTypes: true,
  emitLegacyCommonJSImports: false,
  scalars: { DateTime: 'string' },
  defaultScalarType: 'unknown',
};

// Reads the committed SDL, never a running server, so codegen works offline and in CI.
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      documents: SPA_DOCUMENTS,
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: CLIENT_PRESET_CONFIG,
    },
    // Named hooks (usePlanQuery, …) over the preset's TypedDocumentNodes: the old
    // typescript-react-apollo plugin does not support Apollo Client 4.
    'apps/web/src/gql/hooks.ts': {
      documents: SPA_DOCUMENTS,
      plugins: ['./apps/web/codegen/named-hooks.cjs'],
    },
    'apps/api/src/test/gql/': {
      documents: API_TEST_DOCUMENTS,
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: CLIENT_PRESET_CONFIG,
    },
  },
};

export default config;
