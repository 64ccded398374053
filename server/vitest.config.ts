import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that start several server processes and a Redis of their own (scale-out): they take
 * both cores while they run, so they run last and one file at a time, never beside the suite's
 * timing-sensitive tests (the edge fuzz, the upgrade answers).
 */
const MULTI_PROCESS_TESTS = 'src/scaleout/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, MULTI_PROCESS_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'multi-process',
          include: [MULTI_PROCESS_TESTS],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
