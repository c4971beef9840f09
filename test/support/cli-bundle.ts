import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Bundles the CLI (src/cli/main.ts and everything it imports from src/) into one JavaScript
 * file for the test run, packages left as imports. The CLI tests spawn it ~100 times: loading
 * one precompiled file costs about 1 s of CPU where bin/tierdesk.js, compiling hundreds of
 * TypeScript modules through tsx, costs about 2.5 s. The bundle sits inside the package (under
 * node_modules/.cache), so packages resolve and src/package-root.ts finds the shipped files as
 * from the sources. bin/tierdesk.js itself is still spawned by test/cli/cli.test.ts and by the
 * server-process tests.
 */
export async function buildCliBundle(): Promise<{ file: string; dispose: () => void }> {
  const dir = join(ROOT, 'node_modules/.cache/tierdesk-test', String(process.pid));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
