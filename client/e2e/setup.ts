import { beforeEach } from 'vitest';
import { reportRunningApps } from './harness.js';

// Every browser test: when it fails, say what the server and the pages saw.
beforeEach(({ onTestFailed }) => {
  onTestFailed(({ task }) => reportRunningApps(`browser test failed: ${task.name}`));
});
