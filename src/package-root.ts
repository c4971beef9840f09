import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The folder holding Tierdesk's package.json, found upwards from this file. Files shipped beside
 * the code (the built web UI, scheme templates, the CLV worker) are located from here rather than
 * from each module's own folder, so they are found the same from the sources and from a bundle
 * of them (the test suite runs the CLI as one bundled file, see test/support/cli-bundle.ts).
 */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (
      existsSync(file) &&
      (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'tierdesk'
    ) {
      root = dir;
      return dir;
    }
    if (dirname(dir) === dir)
      throw new Error(`Tierdesk package.json not found above ${import.meta.dirname}`);
  }
}
