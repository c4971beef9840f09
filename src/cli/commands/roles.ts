import type { Command } from 'commander';
import { listRoleViews } from '../../app/auth/roles.service';
import { systemCtx } from '../../app/context';
import { withDeps } from '../with-deps';

/** `tierdesk roles list`: every role, built-in and custom, with scope, holders and permissions. */
export function registerRoleCommands(program: Command): void {
  const roles = program.command('roles').description('Roles and their permissions');
  roles
    .command('list')
    .description('List roles: id, kind, row scope, holders, names and permissions')
    .action(async () => {
      await withDeps(async (deps) => {
        for (const r of await listRoleViews(deps, systemCtx())) {
          const kind = r.builtin ? 'built-in' : 'custom';
          console.log(
            `${r.id}\t${kind}\t${r.rowScope}\t${r.users} users\t${r.nameZh} / ${r.nameEn}\t${r.permissions.join(',')}`,
          );
        }
      });
    });
}
