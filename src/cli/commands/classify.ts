import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { systemCtx } from '../../app/context';
import { exportRunResults } from '../../app/tiering/results-export.service';
import { runTiering } from '../../app/tiering/run.service';
import { getScheme, upsertSchemeDocument } from '../../app/tiering/schemes.service';
import { DomainError } from '../../domain/errors';
import { withDeps } from '../with-deps';

interface ClassifyOpts {
  scheme: string;
  asOf: string;
  out?: string;
  lang: 'zh-CN' | 'en';
}

/** `tierdesk classify`: run a scheme (a JSON file or a stored scheme key) and write results. */
export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('Run a tiering scheme at a date, print the distribution, write results as CSV')
    .requiredOption(
      '--scheme <file|key>',
      'a scheme JSON file (created or versioned) or a scheme key',
    )
    .requiredOption('--as-of <date>', 'as-of date, YYYY-MM-DD')
    .option('--out <file>', 'write every result to this file (CSV, or XLSX when it ends in .xlsx)')
    .addOption(
      new Option('--lang <lang>', 'language of the file headers and tier names')
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .action(async (o: ClassifyOpts) => {
      await withDeps(async (deps) => {
        const ctx = systemCtx();
        let versionId: number;
        if (o.scheme.endsWith('.json') || existsSync(o.scheme)) {
          let doc: unknown;
          try {
            doc = JSON.parse(readFileSync(o.scheme, 'utf8'));
          } catch (e) {
            throw new DomainError('VALIDATION', `cannot read ${o.scheme}: ${(e as Error).message}`);
          }
          const v = await upsertSchemeDocument(deps, ctx, doc);
          console.log(`Scheme ${v.schemeKey} version ${v.version}${v.locked ? ' (locked)' : ''}`);
          versionId = v.id;
        } else {
          const s = await getScheme(deps, ctx, o.scheme);
          if (!s.latest) throw new DomainError('NOT_FOUND', `scheme ${o.scheme} has no version`);
          versionId = s.latest.id;
        }
        const bar = new cliProgress.SingleBar(
          { format: '{bar} {percentage}% | {step}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(3, 0, { step: 'loading metrics' });
        const steps: Record<string, string> = {
          metrics: 'loading metrics',
          evaluate: 'evaluating',
          store: 'storing results',
          done: 'done',
        };
        let summary: Awaited<ReturnType<typeof runTiering>>;
        try {
          summary = await runTiering(
            deps,
            ctx,
            { schemeVersionId: versionId, asOf: o.asOf },
            (s, d) => bar.update(d, { step: steps[s] ?? s }),
          );
        } finally {
          bar.stop();
        }
        const d = summary.distribution;
        console.log(`Run ${summary.runId}: ${summary.customers} customers as of ${summary.asOf}`);
        console.table(
          d.tiers.map((t) => ({
            tier: t.tier,
            customers: t.count,
            share: `${(t.share * 100).toFixed(1)}%`,
            revenueShare: `${(t.revenueShare * 100).toFixed(1)}%`,
          })),
        );
        if (d.unassigned)
          console.log(`${d.unassigned} customers are outside the scheme's segment.`);
        const m = summary.migration;
        console.log(
          `Against the published tiers: ${m.upgrades} up, ${m.downgrades} down, ` +
            `${m.unchanged} unchanged, ${m.entered} new, ${m.left} left.`,
        );
        if (o.out) {
          const format = o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
          const file = await exportRunResults(deps, ctx, summary.runId, format, {}, o.lang);
          await pipeline(file, createWriteStream(o.out));
          console.log(`Wrote ${summary.customers - d.unassigned} results to ${o.out}`);
        }
      });
    });
}
