// Builds the renderer (renderer/ → dist/renderer) with relative paths so Electron can load it from disk.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // The renderer imports a few helpers from shared modules that also define zod schemas at top
      // level; calling z.* has no side effects there, so unused schemas (and zod itself) drop out.
      treeshake: { manualPureFunctions: ['z'] },
    },
  },
  preview: { host: '127.0.0.1', strictPort: false },
  server: { host: '127.0.0.1' },
});
