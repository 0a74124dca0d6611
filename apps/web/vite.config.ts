import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ at `/`; in development Vite proxies the API's paths.
const API_ORIGIN = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': API_ORIGIN,
      '/exports': API_ORIGIN,
      '/webhooks': API_ORIGIN,
    },
  },
});
