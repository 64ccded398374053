import { stripVTControlCharacters } from 'node:util';
import { beforeEach } from 'vitest';
import { reportRunningApps } from './harness.js';

// Every browser test: when it fails, say what failed and what the server and the pages saw.
beforeEach(({ onTestFailed }) => {
  onTestFailed(({ task }) => {
    // The error's first lines: which wait timed out, on which locator (CI prints only a part).
    const message = stripVTControlCharacters(task.result?.errors?.[0]?.message ?? '');
    const error = message.split('\n').slice(0, 4).join(' / ');
    return reportRunningApps(`browser test failed: ${task.name}${error ? ` (${error})` : ''}`);
  });
});
