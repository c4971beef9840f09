import type { Command } from 'commander';

/** `tierdesk migrate`: bring the database schema up to date. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this at start)')
    .action(async () => {
      // openDeps migrates; we only report what was applied.
      const { openDeps } = await import('../../app/bootstrap');
      const { loadConfig } = await import('../../config');
      const deps = await openDeps(loadConfig());
      try {
        const engine = deps.store.engine;
        if (deps.applied.length === 0) console.log(`${engine}: schema is up to date`);
        for (const m of deps.applied) console.log(`${engine}: applied ${m}`);
      } finally {
        await deps.store.close();
      }
    });
}
