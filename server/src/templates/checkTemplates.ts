import { loadTemplates, contentDir } from './loadTemplates.js';

/**
 * Run by the build on the bundled copy (server/tsup.config.ts): reads every template content
 * file where production will read it, and fails the build with the file's name if one is broken.
 */
try {
  loadTemplates(contentDir());
} catch (err) {
  process.stderr.write(`Template content check failed: ${(err as Error).message}\n`);
  process.exit(1);
}
