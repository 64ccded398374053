import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const SERVER = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    // One copy of the editor core, whichever package asks: two copies in one bundle would mean
    // two ProseMirror plugin-key registries and extensions the editor does not recognise.
    dedupe: ['@tiptap/core', '@tiptap/pm', 'react', 'react-dom'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the served bundle: they would publish the client's sources (issue 11,
    // finding 7). The server refuses *.map requests as well.
    sourcemap: false,
    // Small assets stay files instead of data: URLs, which the CSP's img-src/font-src 'self'
    // would refuse (docs/decisions/0032-content-security-policy.md).
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // The editor (TipTap + ProseMirror + Yjs and its providers) is most of the weight and
        // only the document page needs it: it gets its own chunk, loaded on demand (see
        // DocumentBody's lazy import). Left to the catch-all below, Yjs would land in the
        // eagerly loaded vendor chunk.
        manualChunks(id) {
          if (!id.includes('node_modules') && !id.includes('/packages/editor-schema/'))
            return undefined;
          if (
            /[\\/](@tiptap|prosemirror-[\w-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname|yjs|y-[\w-]+|lib0)[\\/]|editor-schema/.test(
              id,
            )
          ) {
            return 'editor';
          }
          if (/[\\/](react|react-dom|react-router|scheduler)[\\/]/.test(id)) return 'react';
          return 'vendor';
        },
      },
    },
  },
  server: {
    port: 5173,
    // `changeOrigin` stays off: the server accepts a mutation when its Origin names the Host it
    // was sent to, and the browser's Origin is this dev server, so the Host must stay ours too.
    proxy: {
      '/api': { target: SERVER, changeOrigin: false },
      '/socket.io': { target: SERVER, ws: true },
      '/collab': { target: SERVER, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: SERVER },
      '/socket.io': { target: SERVER, ws: true },
      '/collab': { target: SERVER, ws: true },
    },
  },
});
