import type { Command } from 'commander';
import { reassignCustomers } from '../../app/accounts/assign.service';
import { generateVisitPlans, visitCoverage } from '../../app/accounts/visit-plans.service';
import { systemCtx } from '../../app/context';
import type { Deps } from '../../app/deps';
import { validationError } from '../../domain/errors';
import { findOwnerUser } from '../../store/accounts/owners.repository';
import { withDeps } from '../with-deps';

const pct = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);

async function userId(deps: Deps, username: string, field: string): Promise<number> {
  const u = await findOwnerUser(deps.store.db, { username });
  if (!u) throw validationError('Unknown user', [{ field, message: `no user named ${username}` }]);
  return u.id;
}

/** `tierdesk accounts …`: visit plans, coverage, and reassigning an owner's customers. */
export function registerAccountCommands(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('Account managers: visit plans, visit coverage, reassignment');

  accounts
    .command('plan')
    .description("Generate a month's visit plans from the tiers' visit frequencies (replaces it)")
    .requiredOption('--month <YYYY-MM>', 'the month to plan')
    .action(async (o: { month: string }) => {
      await withDeps(async (deps) => {
        const r = await generateVisitPlans(deps, systemCtx('cli'), { month: o.month });
        console.log(
          `Visit plans for ${r.month}: ${r.lines} customers, ${r.planned} visits planned, ` +
            `${r.priority} priority customers, ${r.owners} owners` +
            (r.replaced ? ` (replaced ${r.replaced} lines)` : ''),
        );
      });
    });

  accounts
    .command('coverage')
    .description('Share of priority customers visited in a month, per owner, against the target')
    .requiredOption('--month <YYYY-MM>', 'the month to measure')
    .action(async (o: { month: string }) => {
      await withDeps(async (deps) => {
        const c = await visitCoverage(deps, systemCtx('cli'), { month: o.month });
        console.log(
          `Coverage ${c.month}: ${c.overall.visited}/${c.overall.priority} priority customers ` +
            `visited = ${pct(c.overall.share)} (target ${pct(c.target)}) ` +
            `${c.overall.meetsTarget ? 'MET' : 'BELOW TARGET'}` +
            (c.planGenerated ? '' : ' [no plan generated: computed from current tiers]'),
        );
        console.table(
          c.owners.map((x) => ({
            owner: x.ownerName ?? '(no owner)',
            priority: x.priority,
            visited: x.visited,
            coverage: pct(x.share),
            target: x.meetsTarget ? 'met' : 'below',
          })),
        );
      });
    });

  accounts
    .command('reassign')
    .description('Move every customer of an owner who leaves (without --to: balance or pool)')
    .requiredOption('--from <username>', 'the owner who leaves')
    .option('--to <username>', 'the new owner of all the customers')
    .option('--reason <text>', 'why the customers move', 'owner left')
    .action(async (o: { from: string; to?: string; reason: string }) => {
      await withDeps(async (deps) => {
        const fromOwnerId = await userId(deps, o.from, 'from');
        const toOwnerId = o.to ? await userId(deps, o.to, 'to') : null;
        const r = await reassignCustomers(deps, systemCtx('cli'), {
          fromOwnerId,
          toOwnerId,
          reason: o.reason,
        });
        console.log(
          `Moved ${r.changed.length} customers from ${o.from}` +
            (o.to ? ` to ${o.to}` : `; ${r.toPool} went back to the pool`),
        );
      });
    });
}
