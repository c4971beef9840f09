import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDeps } from '../with-deps';

/** `tierdesk openapi`: write the OpenAPI document (docs/openapi.json is kept current by a test). */
export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('Print or write the OpenAPI document of the HTTP API')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { out?: string }) => {
      await withDeps(async (deps) => {
        // Loaded on use: the HTTP stack is most of the CLI's start-up time; other commands skip it.
        const { buildServer } = await import('../../api/server');
        const { app } = await buildServer(deps, { logger: false });
        await app.ready();
        const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
        await app.close();
        if (opts.out) writeFileSync(opts.out, doc);
        else process.stdout.write(doc);
      });
    });
}
