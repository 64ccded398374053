import { defineConfig } from 'tsup';

// The server is bundled with its workspace packages (they ship TypeScript sources). Every npm
// dependency stays external and loads from node_modules — native addons, and above all the
// libraries that must exist once per process: two bundled copies of prosemirror-model or yjs
// break their identity checks ("multiple versions of prosemirror-model were loaded").
export default defineConfig({
  // The server, the worker that reads large documents off the main thread (found beside the
  // bundle, see content/ContentReader.ts), and the operator commands (runnable in a production
  // image without tsx).
  entry: {
    main: 'src/main.ts',
    'content-worker': 'src/content/contentWorker.ts',
    'admin-create': 'src/admin/cli.ts',
    'store-copy': 'src/store/copy/cli.ts',
    'doc-repair': 'src/repair/cli.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@polisee\//],
  external: [/^@tiptap\//, /^prosemirror-/, /^y-/, 'yjs', 'lib0'],
});
