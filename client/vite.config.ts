// The web client's build: a React single-page app, built into client/dist
// (served by Express) or served with hot reload by `npm run dev`, which
// proxies the API and socket.io to the API process.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Shown in the build output so the first screen's weight is visible on every build.
    reportCompressedSize: true,
  },
  server: {
    port: Number(process.env.CLIENT_DEV_PORT ?? 5173),
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
