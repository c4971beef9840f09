import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store tests each create their own PostgreSQL schema / SQLite file, so files can run in
    // parallel; two workers match the two cores of the reference machine.
    maxWorkers: 2,
  },
});
