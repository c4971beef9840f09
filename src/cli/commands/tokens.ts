import type { Command } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/auth/api-tokens.service';
import { systemCtx } from '../../app/context';
import type { Deps } from '../../app/deps';
import type { CreateApiTokenInput } from '../../domain/auth/api-token.schema';
import { findUserRowByUsername } from '../../store/users.repository';
import { withDeps } from '../with-deps';

async function userIdOf(deps: Deps, username: string): Promise<number> {
  const row = await findUserRowByUsername(deps.store.db, username);
  if (!row) throw new Error(`No user is called ${username} (see \`tierdesk user list\`)`);
  return row.id;
}

/** `tierdesk tokens create|list|revoke`: API tokens for integrations. */
export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for integrations');
  tokens
    .command('create')
    .description('Create an API token for a user; the secret is printed once, only here')
    .requiredOption('-u, --user <username>', 'the user the token acts as')
    .requiredOption('-n, --name <name>', 'what the token is for, e.g. "CRM sync"')
    .requiredOption(
      '-p, --permissions <list>',
      'comma-separated permissions, among the user’s own (e.g. customers.read,frontline.read)',
    )
    .option('-d, --days <n>', 'days until it expires (1–365)', '90')
    .action(async (o: { user: string; name: string; permissions: string; days: string }) => {
      await withDeps(async (deps) => {
        const { token, secret } = await createApiToken(
          deps,
          systemCtx('cli'),
          {
            name: o.name,
            permissions: o.permissions
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean) as CreateApiTokenInput['permissions'],
            days: Number(o.days),
          },
          await userIdOf(deps, o.user),
        );
        console.log(`Created API token ${token.id} "${token.name}" for ${token.username}`);
        console.log(`permissions: ${token.permissions.join(', ')}`);
        console.log(`expires:     ${token.expiresAt}`);
        console.log('');
        console.log('Copy the token now; it is not stored and cannot be shown again:');
        console.log(secret);
      });
    });
  tokens
    .command('list')
    .description('List API tokens (never their secrets)')
    .option('-u, --user <username>', 'only this user’s tokens')
    .action(async (o: { user?: string }) => {
      await withDeps(async (deps) => {
        const userId = o.user ? await userIdOf(deps, o.user) : undefined;
        const items = await listApiTokens(deps, systemCtx('cli'), {
          all: true,
          ...(userId ? { userId } : {}),
        });
        console.log('id\tuser\tname\tprefix\tstatus\texpires\tlast used\tpermissions');
        for (const t of items) {
          console.log(
            [
              t.id,
              t.username,
              t.name,
              `${t.prefix}…`,
              t.status,
              t.expiresAt,
              t.lastUsedAt ? `${t.lastUsedAt} ${t.lastUsedIp ?? ''}`.trim() : '-',
              t.permissions.join(','),
            ].join('\t'),
          );
        }
      });
    });
  tokens
    .command('revoke <id>')
    .description('Revoke an API token: it stops working at once')
    .action(async (id: string) => {
      await withDeps(async (deps) => {
        if (!/^\d+$/.test(id)) throw new Error(`The token id must be a number, not ${id}`);
        const t = await revokeApiToken(deps, systemCtx('cli'), Number(id));
        console.log(`Revoked API token ${t.id} "${t.name}" of ${t.username}`);
      });
    });
}
