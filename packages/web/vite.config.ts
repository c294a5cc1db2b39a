import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app. `npm run build` writes dist/, which the server serves with an SPA fallback and a
// strict CSP (no inline script or style), so nothing here may inject either.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // scripts/bundle-report.mjs reads the manifest to check the first-load budget of each area.
    manifest: true,
    // Each area is its own lazy chunk; keep an eye on the ≤ 200 KB gzipped first-load budget.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // React, the router and TanStack Query load on every page anyway: give them stable, named
        // chunks (cached across releases). React Aria is left to automatic splitting, so the public
        // help page loads only the few components it uses.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router-query', test: /node_modules[\\/](react-router|@tanstack)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
