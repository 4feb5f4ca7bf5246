// Builds the renderer (renderer/ → dist/renderer) with relative paths so Electron can load it from disk.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildUiFonts, type UiFonts } from './electron/app/ui-fonts.js';

/**
 * Fonts for every script (electron/app/ui-fonts.ts): slices and their stylesheet in fonts/, linked from
 * index.html, served from the app's own origin (app:// in Electron, the preview server in tests).
 */
function uiFonts(): Plugin {
  let fonts: UiFonts | undefined;
  const get = () => (fonts ??= buildUiFonts());
  return {
    name: 'assay-ui-fonts',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'stylesheet', href: './fonts/ui-fonts.css' }, injectTo: 'head' },
    ],
    generateBundle() {
      for (const file of get().files)
        this.emitFile({ type: 'asset', fileName: `fonts/${file.name}`, source: file.bytes });
      this.emitFile({ type: 'asset', fileName: 'fonts/ui-fonts.css', source: get().css });
    },
    configureServer(server) {
      server.middlewares.use('/fonts/', (req, res, next) => {
        const name = path.basename(req.url ?? '');
        const css = name === 'ui-fonts.css';
        const file = css ? null : get().files.find((f) => f.name === name);
        if (!css && !file) {
          next();
          return;
        }
        res.setHeader('Content-Type', css ? 'text/css; charset=utf-8' : 'font/ttf');
        res.end(css ? get().css : file!.bytes);
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), uiFonts()],
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
