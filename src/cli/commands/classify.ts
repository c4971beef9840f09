import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { systemCtx } from '../../app/context';
import { exportRunResults } from '../../app/tiering/results.service';
import { runTiering } from '../../app/tiering/run.service';
import { getScheme, upsertSchemeDocument } from '../../app/tiering/schemes.service';
import { DomainError } from '../../domain/errors';
import { withDeps } from '../with-deps';

interface ClassifyOpts {
  scheme: string;
  asOf: string;
  out?: string;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
    .option('--out <file>', 'write every result to this CSV file')
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
          const { criteria, rows } = await exportRunResults(deps, ctx, summary.runId);
          const lines = [
            ['code', 'name', 'score', 'tier', 'rank', 'previous_tier', 'flags', ...criteria]
              .map(csvCell)
              .join(','),
          ];
          for (const r of rows) {
            lines.push(
              [
                r.code,
                r.name,
                r.score,
                r.tier,
                r.rank,
                r.previousTier,
                r.flags,
                ...criteria.map((c) => r.points?.[c]),
              ]
                .map(csvCell)
                .join(','),
            );
          }
          writeFileSync(o.out, `\uFEFF${lines.join('\n')}\n`);
          console.log(`Wrote ${rows.length} results to ${o.out}`);
        }
      });
    });
}
