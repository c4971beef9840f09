import type { Command } from 'commander';

/** Placeholder: commands are added by the capability that owns this file. */
export function registerTokenCommands(_program: Command): void {}
