import type { Command } from 'commander';

/** `tierdesk demo`: load generated demo data (filled in by the demo generator). */
export function registerDemoCommand(program: Command): void {
  program.command('demo').description('Load demo data');
}
