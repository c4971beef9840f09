import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { exportAudit } from '../../app/audit-trail/audit-log.service';
import { type ChainAnchor, verifyAuditChain } from '../../app/audit-trail/verify.service';
import { systemCtx } from '../../app/context';
import { withDeps } from '../with-deps';

/** Parses `--anchor <seq>:<hash>`; repeatable. */
function anchorOption(value: string, previous: ChainAnchor[] = []): ChainAnchor[] {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new Error(`--anchor must be <seq>:<64 hex digits>, got "${value}"`);
  return [...previous, { seq: Number(m[1]), hash: m[2]! }];
}

/** `tierdesk audit verify|export`. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Check and export the audit trail');
  audit
    .command('verify')
    .description(
      'Walk the hash chain of the audit log; exit code 1 and the first broken entry when it was tampered with',
    )
    .option(
      '--anchor <seq:hash>',
      'a head printed by an earlier verify; checks the chain still holds it (repeatable)',
      anchorOption,
    )
    .option('--batch-size <n>', 'entries read at a time', (v) => Number.parseInt(v, 10), 2000)
    .action(async (o: { anchor?: ChainAnchor[]; batchSize: number }) => {
      const report = await withDeps((deps) =>
        verifyAuditChain(deps, systemCtx(), {
          batchSize: o.batchSize,
          ...(o.anchor ? { anchors: o.anchor } : {}),
          onProgress: (n) => {
            if (process.stderr.isTTY) process.stderr.write(`\rchecked ${n} entries`);
          },
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      const head = report.headSeq === null ? 'none' : `${report.headSeq}:${report.headHash}`;
      if (report.ok) {
        console.log(`Audit chain intact: ${report.entries} entries`);
        console.log(`Head (seq:hash): ${head}`);
        return;
      }
      const p = report.problem!;
      console.log(`Audit chain BROKEN after ${report.entries} good entries`);
      console.log(`First broken entry: id ${p.id ?? '-'}, seq ${p.seq ?? '-'} (${p.kind})`);
      console.log(p.message);
      console.log(`Last good head (seq:hash): ${head}`);
      process.exitCode = 1;
    });

  audit
    .command('export')
    .description('Export audit entries (all, or filtered) as CSV or XLSX')
    .option('--from <date>', 'from this date (YYYY-MM-DD, business time zone) or ISO instant')
    .option('--to <date>', 'up to this date (inclusive) or ISO instant (exclusive)')
    .option('--actor <name>', 'only entries by this user (sign-in name, or system)')
    .option('--action <prefix>', 'only actions starting with this, e.g. customer.')
    .option('--entity <entity>', 'only entries about this kind of entity, e.g. customer')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .option('--lang <lang>', 'header language: zh-CN or en', 'zh-CN')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      async (o: {
        from?: string;
        to?: string;
        actor?: string;
        action?: string;
        entity?: string;
        format: string;
        lang: string;
        out?: string;
      }) => {
        if (o.format !== 'csv' && o.format !== 'xlsx') {
          throw new Error(`--format must be csv or xlsx, got "${o.format}"`);
        }
        const format = o.format;
        const lang = o.lang === 'en' ? 'en' : 'zh-CN';
        await withDeps(async (deps) => {
          const { format: _f, lang: _l, out, ...filters } = o;
          const stream = await exportAudit(deps, systemCtx(), format, filters, lang);
          if (out) {
            await pipeline(stream, createWriteStream(out));
            console.error(`Wrote ${out}`);
          } else {
            // Standard output is never ended, so it is written to rather than piped into.
            for await (const chunk of stream) process.stdout.write(chunk as Buffer);
          }
        });
      },
    );
}
