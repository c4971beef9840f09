import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { openDeps } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import type { Config } from '../../src/config';
import { testConfig } from './config';
import { freshSqliteFile } from './engines';

const run = promisify(execFile);
// The CLI bundled once per run (cli-bundle.ts): the same code as bin/tierdesk.js runs, loaded
// without compiling TypeScript in every process.
const BIN = inject('cliBundle');
// The tests' config secret, so data seeded in-process and the CLI process read the same keys.
const SECRET = 'test-secret-test-secret-test-secret-0123';

export interface CliFailure {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user does: `tierdesk …` in a separate process. */
export interface CliRunner {
  /** Runs `tierdesk …` in a separate process; rejects on a non-zero exit. */
  tierdesk(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** Runs `tierdesk …` expecting it to fail; resolves with the exit code and output. */
  failing(...args: string[]): Promise<CliFailure>;
}

/** A temp folder with its own database, and the CLI run as a user runs it against it. */
export interface CliSandbox extends CliRunner {
  dir: string;
  /**
   * The same CLI with more environment variables (e.g. TIERDESK_KEYS after a key was added),
   * as a user who exports them before running a command.
   */
  withEnv(env: Record<string, string>): CliRunner;
  /**
   * Opens the sandbox's database in this process (to seed it); close the store when done.
   * `over` changes the config, e.g. `fieldKeys` to read with the keys a CLI run was given.
   */
  openDeps(over?: Partial<Config>): Promise<Deps>;
  dispose(): void;
}

export interface CliSandboxOptions {
  /**
   * A PostgreSQL database (the caller creates and drops it) the CLI reaches through
   * DATABASE_URL. Its tables must be on the database's default search_path, since the CLI
   * takes nothing but the URL. Left out: a SQLite file in the sandbox folder.
   */
  postgresUrl?: string;
}

/**
 * Sets up a CLI sandbox: commands run through the bundled CLI in their own process, so option
 * parsing, exit codes and printed errors are tested as a user sees them.
 */
export function cliSandbox(prefix = 'tierdesk-cli-', opts: CliSandboxOptions = {}): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let database: Config['database'];
  if (opts.postgresUrl) {
    database = { engine: 'postgres', url: opts.postgresUrl };
  } else {
    const file = join(dir, 'cli.db');
    // Starts from the migrated template: the first command then finds nothing to migrate.
    freshSqliteFile(file);
    database = { engine: 'sqlite', file };
  }
  const env = {
    ...process.env,
    DATABASE_URL: opts.postgresUrl ?? `file:${join(dir, 'cli.db')}`,
    TIERDESK_SECRET: SECRET,
    LOG_LEVEL: 'silent',
  };
  const runner = (extra: Record<string, string>): CliRunner => {
    const tierdesk = (...args: string[]) =>
      run(process.execPath, [BIN, ...args], {
        env: { ...env, ...extra },
        cwd: dir,
        maxBuffer: 16 * 1024 * 1024,
      });
    return {
      tierdesk,
      failing: (...args) =>
        tierdesk(...args).then(
          () => {
            throw new Error(`expected \`tierdesk ${args.join(' ')}\` to fail`);
          },
          (e: CliFailure) => e,
        ),
    };
  };
  return {
    dir,
    ...runner({}),
    withEnv: runner,
    openDeps: (over = {}) => openDeps(testConfig(database, { dataDir: dir, ...over })),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
