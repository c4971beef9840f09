import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRole } from '../../src/app/auth/roles.service';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { BUILTIN_ROLES, PERMISSIONS } from '../../src/domain/auth/permissions';
import { type CliSandbox, cliSandbox } from '../support/cli';

const sys = systemCtx();
let box: CliSandbox;

beforeAll(async () => {
  box = cliSandbox('tierdesk-roles-cli-');
  const deps = await box.openDeps();
  try {
    await createRole(deps, sys, {
      id: 'regional_auditor',
      nameZh: '区域审计员',
      nameEn: 'Regional auditor',
      // Given unsorted and with a repeat: the role keeps them sorted and once each.
      permissions: ['customers.read', 'audit.read', 'customers.read'],
      rowScope: 'region',
    });
    await createRole(deps, sys, {
      id: 'team_viewer',
      nameZh: '团队查看',
      nameEn: 'Team viewer',
      permissions: ['frontline.read'],
      rowScope: 'team',
    });
    const users: [string, string][] = [
      ['zhao.audit', 'regional_auditor'],
      ['qian.am', 'account_manager'],
      ['sun.am', 'account_manager'],
    ];
    for (const [username, roleId] of users) {
      await createUser(deps, sys, {
        username,
        displayName: username,
        password: 'Roles-cli-2026!',
        roleId,
      });
    }
  } finally {
    await deps.store.close();
  }
}, 60_000);

afterAll(() => box?.dispose());

it('lists built-in roles with scope, holders and permissions, then custom ones', async () => {
  const { stdout, stderr } = await box.tierdesk('roles', 'list');
  expect(stderr).toBe('');
  const rows = stdout
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t'));
  // Built-in first, then custom, each by id.
  expect(rows.map((r) => r[0])).toEqual([
    'account_manager',
    'admin',
    'auditor',
    'finance',
    'general_manager',
    'sales_manager',
    'service_agent',
    'service_supervisor',
    'regional_auditor',
    'team_viewer',
  ]);
  expect(rows.map((r) => r.slice(0, 4))).toEqual([
    ['account_manager', 'built-in', 'own', '2 users'],
    ['admin', 'built-in', 'all', '0 users'],
    ['auditor', 'built-in', 'all', '0 users'],
    ['finance', 'built-in', 'all', '0 users'],
    ['general_manager', 'built-in', 'all', '0 users'],
    ['sales_manager', 'built-in', 'region', '0 users'],
    ['service_agent', 'built-in', 'all', '0 users'],
    ['service_supervisor', 'built-in', 'all', '0 users'],
    ['regional_auditor', 'custom', 'region', '1 users'],
    ['team_viewer', 'custom', 'team', '0 users'],
  ]);

  // Every built-in line carries the role's names and exactly its defined permissions.
  for (const role of BUILTIN_ROLES) {
    const row = rows.find((r) => r[0] === role.id)!;
    expect(row).toHaveLength(6);
    expect(row[4]).toBe(`${role.nameZh} / ${role.nameEn}`);
    expect(row[5]!.split(',')).toEqual(role.permissions);
  }
  const admin = rows.find((r) => r[0] === 'admin')!;
  expect(admin[5]!.split(',')).toEqual([...PERMISSIONS]);
  expect(rows.find((r) => r[0] === 'auditor')![5]).toBe(
    'customers.read,audit.read,users.read,tiering.read',
  );

  expect(stdout).toContain(
    'regional_auditor\tcustom\tregion\t1 users\t区域审计员 / Regional auditor\taudit.read,customers.read\n',
  );
  expect(
    stdout.endsWith('team_viewer\tcustom\tteam\t0 users\t团队查看 / Team viewer\tfrontline.read\n'),
  ).toBe(true);
}, 60_000);
