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
        // The editor (TipTap + ProseMirror) is most of the weight and only the pages that show a
        // document need it: one chunk of its own, shared by them and fetched with them (each page
        // is loaded with its route, see routes/router.tsx). Yjs and its providers are a smaller
        // chunk apart, so the document route can open the collaboration session while the editor
        // still compiles (see documentRoute). The rest is left to Rollup, which splits shared
        // code by the pages that use it.
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/.test(id))
            return 'collab';
          if (
            /[\\/]node_modules[\\/](@tiptap|prosemirror-[\w-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname|y-prosemirror)[\\/]/.test(
              id,
            )
          ) {
            return 'editor';
          }
          // React has a chunk of its own: left unassigned, Rollup would move it into the editor
          // chunk (which uses it), and every page would then load the editor to get React.
          if (
            /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/.test(
              id,
            )
          )
            return 'react';
          return undefined;
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
