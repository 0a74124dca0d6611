import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ at `/`; in development Vite proxies the API's paths.
const API_ORIGIN = 'http://localhost:4000';

/**
 * The browser runs Preact's React-compatible core (≈10 KB gzipped) instead of react-dom (≈65 KB), so a
 * route's first load stays under 100 KB of JS (`pnpm bench`). The code is written and type-checked
 * against React's API; the component tests render with React, the browser tests with this build.
 */
const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  plugins: [react()],
  resolve: { alias: PREACT_FOR_REACT },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Preact lacks React 19's `use` and `useOptimistic`; Apollo and react-router feature-detect both.
      onwarn(warning, warn) {
        if (warning.code === 'IMPORT_IS_UNDEFINED' && /preact[\\/]compat/.test(warning.message)) return;
        warn(warning);
      },
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](preact|react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
            },
            {
              name: 'graphql',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': API_ORIGIN,
      '/exports': API_ORIGIN,
      '/webhooks': API_ORIGIN,
      '/imports': API_ORIGIN,
    },
  },
});
