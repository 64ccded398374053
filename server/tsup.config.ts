import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The server is bundled with its workspace packages (they ship TypeScript sources). Every npm
// dependency stays external and loads from node_modules — native addons, and above all the
// libraries that must exist once per process: two bundled copies of prosemirror-model or yjs
// break their identity checks ("multiple versions of prosemirror-model were loaded").
export default defineConfig({
  // The server, its worker threads (found beside the bundle, see threads/workerFile.ts: one
  // reads large documents off the main thread, one estimates passwords, one checkpoints the
  // SQLite WAL), the operator commands
  // (runnable in a production image without tsx), and the template content check that the
  // build runs (see onSuccess).
  entry: {
    main: 'src/main.ts',
    'content-worker': 'src/content/contentWorker.ts',
    'password-worker': 'src/services/passwordStrength.ts',
    'wal-checkpoint-worker': 'src/store/sqlite/walCheckpointWorker.ts',
    'admin-create': 'src/admin/cli.ts',
    'store-copy': 'src/copy/cli.ts',
    'store-migrate': 'src/store/migrate/cli.ts',
    'doc-repair': 'src/repair/cli.ts',
    'search-reindex': 'src/search/cli.ts',
    'templates-check': 'src/templates/checkTemplates.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@polisee\//],
  external: [/^@tiptap\//, /^prosemirror-/, /^y-/, 'yjs', 'lib0'],
  // The document templates are content files read at run time (templates/loadTemplates.ts):
  // they go beside the bundle, and the bundled checker then reads every one of them there, so a
  // broken translation fails the build with its file name instead of a user's request.
  async onSuccess() {
    cpSync('src/templates/content', 'dist/templates', { recursive: true });
    execFileSync(process.execPath, ['dist/templates-check.js'], { stdio: 'inherit' });
  },
});
