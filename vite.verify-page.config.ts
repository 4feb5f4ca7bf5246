// Bundles the verify page's proof checker (electron/awards/verify-page/proof-check.ts: jsonld,
// rdf-canonize, the bundled JSON-LD contexts) into one browser script, dist/verify-page/proof-check.js,
// which `assay verify-page export` inlines into the page (its CSP allows no eval, and no other script).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  resolve: {
    // Its ES build names each context's file with `new URL(…, import.meta.url)`, which a bundle would
    // carry a second time as a data: URL; its CommonJS build holds the same contexts without that.
    alias: {
      '@digitalbazaar/credentials-context': fileURLToPath(
        new URL('node_modules/@digitalbazaar/credentials-context/dist/main.cjs', import.meta.url),
      ),
    },
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/verify-page',
    emptyOutDir: true,
    // What the page's own script needs anyway: WebCrypto Ed25519, DecompressionStream.
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('electron/awards/verify-page/proof-check.ts', import.meta.url)),
      formats: ['iife'],
      name: 'AssayProof',
      fileName: () => 'proof-check.js',
    },
  },
});
