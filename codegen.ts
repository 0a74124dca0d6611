import type { CodegenConfig } from '@graphql-codegen/cli';

// Reads the committed SDL, never a running server, so codegen works offline and in CI.
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/web/src/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        emitLegacyCommonJSImports: false,
        scalars: { DateTime: 'string' },
        defaultScalarType: 'unknown',
      },
    },
    // Named hooks (usePlanQuery, …) over the preset's TypedDocumentNodes: the old
    // typescript-react-apollo plugin does not support Apollo Client 4.
    'apps/web/src/gql/hooks.ts': {
      plugins: ['./apps/web/codegen/named-hooks.cjs'],
    },
  },
};

export default config;
