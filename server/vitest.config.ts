import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that start several server processes and a Redis of their own (scale-out): they take
 * both cores while they run, so they run last and one file at a time, never beside the suite's
 * timing-sensitive tests (the edge fuzz, the upgrade answers).
 */
const MULTI_PROCESS_TESTS = 'src/scaleout/**/*.test.ts';
/**
 * The reliability suite (crashes, a Redis restart, a full disk, a corrupt log entry, a soak):
 * small sizes among the multi-process tests of `npm test`, full sizes only under
 * `npm run test:reliability`, whose script sets RELIABILITY=full and picks this project.
 */
const RELIABILITY_TESTS = 'src/reliability/**/*.test.ts';
const RELIABILITY_FULL = process.env.RELIABILITY === 'full';
/** The full run's soak, in minutes (10 unless SOAK_MINUTES says otherwise). */
const SOAK_MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
if (RELIABILITY_FULL && !(SOAK_MINUTES > 0)) throw new Error('SOAK_MINUTES must be above 0');

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
          exclude: [...configDefaults.exclude, MULTI_PROCESS_TESTS, RELIABILITY_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'multi-process',
          include: RELIABILITY_FULL
            ? [MULTI_PROCESS_TESTS]
            : [MULTI_PROCESS_TESTS, RELIABILITY_TESTS],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      ...(RELIABILITY_FULL
        ? [
            {
              extends: true as const,
              test: {
                name: 'reliability',
                include: [RELIABILITY_TESTS],
                fileParallelism: false,
                sequence: { groupOrder: 2 },
                // Read by the cases (reliability/harness.ts) to pick their full sizes.
                provide: { reliabilityFull: true, soakMinutes: SOAK_MINUTES },
              },
            },
          ]
        : []),
    ],
  },
});
