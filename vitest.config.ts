import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Migrates the SQLite and PostgreSQL templates once; every test database is a copy of one.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store tests each create their own PostgreSQL database / SQLite file, so files can run in
    // parallel; two workers match the two cores of the reference machine.
    maxWorkers: 2,
    pool: 'forks',
    // A worker keeps its loaded modules from one test file to the next instead of importing the
    // whole app again for each file (about a second of CPU a file). The tests share no module
    // state: every file opens its own database and server, and caches in src are keyed by the
    // database handle.
    isolate: false,
  },
});
