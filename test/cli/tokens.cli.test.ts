import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { type CliSandbox, cliSandbox } from '../support/cli';

describe('tierdesk tokens', () => {
  let box: CliSandbox;
  beforeAll(async () => {
    box = cliSandbox();
    const deps = await box.openDeps();
    await createUser(deps, systemCtx(), {
      username: 'crm',
      displayName: 'CRM',
      password: 'Crm-robot-2026',
      roleId: 'finance',
    });
    await deps.store.close();
  });
  afterAll(() => box.dispose());

  it('creates a token printed once and lists it without the secret', async () => {
    const created = await box.tierdesk(
      'tokens',
      'create',
      '--user',
      'crm',
      '--name',
      'CRM sync',
      '--permissions',
      'customers.read,frontline.read',
      '--days',
      '30',
    );
    const secret = /^(tdk_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    expect(secret).toMatch(/^tdk_[A-Za-z0-9_-]{43}$/);
    const deps = await box.openDeps();
    const row = await deps.store.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    await deps.store.close();
    expect(row.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));

    const listed = await box.tierdesk('tokens', 'list');
    expect(listed.stdout).toContain('CRM sync');
    expect(listed.stdout).toContain('active');
    expect(listed.stdout).not.toContain(secret.slice(10));
  }, 60_000);
});
