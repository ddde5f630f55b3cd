import { defineConfig } from 'vitest/config';

// One runner, five suites: unit and integration in Node, fuzz (seeded random inputs against the
// validators, the CLI and the host), e2e against `gradscape serve` in Chromium, electron (skips
// itself when the Electron binary is absent).
export default defineConfig({
  test: {
    // The JSON report gives .ci/run its totals line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'fuzz',
          include: ['tests/fuzz/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
