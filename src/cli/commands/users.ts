import type { Command } from 'commander';
import { assertPasswordPolicy } from '../../app/auth/password';
import { createUser, listUsers } from '../../app/auth/users.service';
import { systemCtx } from '../../app/context';
import { withDeps } from '../with-deps';

/** `tierdesk user add|list`. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Create a user')
    .requiredOption('-u, --username <name>', 'sign-in name')
    .requiredOption('-r, --role <role>', 'role id, e.g. account_manager (see `user roles`)')
    .option('-n, --name <display>', 'display name (defaults to the username)')
    .option('-e, --email <email>', 'e-mail address')
    .option('--region <region>', 'sales region the user belongs to')
    .option('--team <team>', 'team the user belongs to (row scope `team`)')
    .option(
      '-p, --password <password>',
      'password (or set TIERDESK_NEW_PASSWORD to keep it out of the shell history)',
    )
    .action(
      async (o: {
        username: string;
        role: string;
        name?: string;
        email?: string;
        region?: string;
        team?: string;
        password?: string;
      }) => {
        const password = o.password ?? process.env.TIERDESK_NEW_PASSWORD;
        if (!password) throw new Error('Give --password or set TIERDESK_NEW_PASSWORD');
        assertPasswordPolicy(password, o.username);
        await withDeps(async (deps) => {
          const u = await createUser(deps, systemCtx(), {
            username: o.username,
            displayName: o.name ?? o.username,
            email: o.email ?? null,
            region: o.region ?? null,
            team: o.team ?? null,
            roleId: o.role,
            password,
          });
          console.log(`Created user ${u.username} (id ${u.id}, role ${u.roleId})`);
        });
      },
    );
  user
    .command('list')
    .description('List users')
    .action(async () => {
      await withDeps(async (deps) => {
        for (const u of await listUsers(deps, systemCtx())) {
          console.log(`${u.id}\t${u.username}\t${u.roleId}\t${u.displayName}`);
        }
      });
    });
  user
    .command('roles')
    .description('List roles')
    .action(async () => {
      const { BUILTIN_ROLES } = await import('../../domain/auth/permissions');
      for (const r of BUILTIN_ROLES) console.log(`${r.id}\t${r.nameZh}\t${r.nameEn}`);
    });
}
