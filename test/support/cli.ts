import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDeps } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import { testConfig } from './config';
import { freshSqliteFile } from './engines';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/tierdesk.js');
// The tests' config secret, so data seeded in-process and the CLI process read the same keys.
const SECRET = 'test-secret-test-secret-test-secret-0123';

export interface CliFailure {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp folder with its own SQLite file, and the CLI run as a user runs it against it. */
export interface CliSandbox {
  dir: string;
  /** Runs `tierdesk …` in a separate process; rejects on a non-zero exit. */
  tierdesk(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** Runs `tierdesk …` expecting it to fail; resolves with the exit code and output. */
  failing(...args: string[]): Promise<CliFailure>;
  /** Opens the sandbox's database in this process (to seed it); close the store when done. */
  openDeps(): Promise<Deps>;
  dispose(): void;
}

/**
 * Sets up a CLI sandbox: commands run through bin/tierdesk.js in their own process, so option
 * parsing, exit codes and printed errors are tested as a user sees them.
 */
export function cliSandbox(prefix = 'tierdesk-cli-'): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'cli.db');
  // Starts from the migrated template: the first command then finds nothing to migrate.
  freshSqliteFile(file);
  const env = {
    ...process.env,
    DATABASE_URL: `file:${file}`,
    TIERDESK_SECRET: SECRET,
    LOG_LEVEL: 'silent',
  };
  const tierdesk = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  return {
    dir,
    tierdesk,
    failing: (...args) =>
      tierdesk(...args).then(
        () => {
          throw new Error(`expected \`tierdesk ${args.join(' ')}\` to fail`);
        },
        (e: CliFailure) => e,
      ),
    openDeps: () => openDeps(testConfig({ engine: 'sqlite', file }, { dataDir: dir })),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
