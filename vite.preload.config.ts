// Bundles electron/preload.ts into one CommonJS file: a sandboxed preload can require nothing but 'electron'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // Not the renderer's root or public folder: this build has one entry and no HTML.
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  // Libraries in the bundle (zod) may branch on NODE_ENV; the sandbox's `process` is not Node's.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome130',
    minify: false,
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('electron/preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
