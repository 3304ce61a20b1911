import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the API runs separately (npm run dev:api); Vite proxies GraphQL and REST to it.
const apiTarget = process.env['ZEREN_API_URL'] ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // @zeren/domain (the shared CASL abilities and labels) through the workspace tsconfig paths.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    // antd and react-dom make one vendor chunk of ~1 MB raw (~250 kB gzipped); tools/bundle-size tracks it.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The workspace libraries are pure modules (no import-time effects the client relies on), so
      // the web client keeps only what it uses of @zeren/domain (abilities, rules) and none of the
      // event schemas or node:crypto behind it.
      // Their event schemas are built with zod at import; the client never validates events, so the
      // builders are marked pure and the schemas dropped.
      treeshake: {
        moduleSideEffects: (id: string) => !/\/libs\/(domain|events)\/src\//.test(id),
        manualPureFunctions: ['z', 'defineEvent', 'text'],
      },
      // libs/events' audit modules import node:crypto; resolution sees them before tree-shaking drops
      // them, so Vite warns that it externalised the module. None of that code reaches the bundle.
      onLog(level, log, handler) {
        if (log.message.includes('"node:crypto" has been externalized')) return;
        handler(level, log);
      },
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
      '/api': apiTarget,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
