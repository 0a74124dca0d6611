import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ at `/`; in development Vite proxies the API's paths.
const API_ORIGIN = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
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
