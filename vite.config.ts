// The web app's build: sources in src/web, output in dist/web (served by `plateau serve`).
// During development `npx vite` proxies /api to a running `plateau serve` on port 4317, started
// with `--public-host localhost:5173`: the proxy passes the page's Host and Origin through, and the
// server answers only the names it is told are its own (DNS rebinding, cross-origin posts).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    // Libraries in their own long-cached chunks: a new build of the app re-downloads only its code.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4317' } },
});
