import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/tierdesk.js');
const ABCD = resolve(import.meta.dirname, '../../examples/schemes/abcd.json');

/**
 * The CLI as a user runs it: a separate process on its own SQLite file, so option parsing,
 * exit codes and what is printed are tested too.
 */
describe('tierdesk CLI', { timeout: 120_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const tierdesk = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tierdesk-cli-'));
    env = {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'cli.db')}`,
      TIERDESK_SECRET: 'cli-test-secret-cli-test-secret-0123456789',
      LOG_LEVEL: 'silent',
    };
    await tierdesk('demo', '--customers', '300', '--seed', '3');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('classifies with a template, prints the distribution and writes the results', async () => {
    const out = join(dir, 'results.csv');
    const { stdout } = await tierdesk(
      'classify',
      '--scheme',
      ABCD,
      '--as-of',
      '2026-11-30',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(stdout).toMatch(/Scheme abcd version 1/);
    expect(stdout).toMatch(/Run \d+: 300 customers as of 2026-11-30/);
    for (const tier of ['A', 'B', 'C', 'D']) expect(stdout).toContain(`'${tier}'`);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^Rank,Code,Name,Tier id,Tier,Score/);
    expect(lines.length - 1).toBeGreaterThan(0);
    expect(lines.length - 1).toBeLessThanOrEqual(300);

    // The same document again is the same version; the stored key runs it too.
    const again = await tierdesk('classify', '--scheme', 'abcd', '--as-of', '2026-11-30');
    expect(again.stdout).toMatch(/Run \d+: 300 customers/);
  });

  it('refuses a bad scheme file naming the place of the problem, with exit code 1', async () => {
    const bad = JSON.parse(readFileSync(ABCD, 'utf8'));
    bad.id = 'abcd-bad';
    bad.assignment.ranking.quotas[0].percent = 5;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const failed = await tierdesk('classify', '--scheme', file, '--as-of', '2026-11-30').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/assignment\.ranking\.quotas/);
  });

  it('refuses a bad date before touching the database', async () => {
    const failed = await tierdesk('classify', '--scheme', 'abcd', '--as-of', '2026-13-40').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/asOf/);
  });
});
