import { describe, expect, it } from 'vitest';
import { createRole } from '../../src/app/auth/roles.service';
import { systemCtx } from '../../src/app/context';
import { findRole } from '../../src/store/roles.repository';
import { settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/**
 * The role matrix (built-in roles read-only, a custom role edited and saved) and the audit tab
 * (filter, before/after of an entry, the chain check), signed in once as the administrator.
 */
describe('roles matrix and audit trail in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(async (deps) => {
    await createRole(deps, systemCtx(), {
      id: 'regional_auditor',
      nameZh: '区域审计',
      nameEn: 'Regional auditor',
      permissions: ['audit.read', 'customers.read'],
      rowScope: 'region',
    });
  });

  it('edits a custom role in the matrix and checks the audit trail', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/settings?tab=roles');
      const matrix = page.getByTestId('role-matrix');
      await matrix.getByText('审计员').first().waitFor();
      expect(await page.getByTestId('cell-admin-customers.read').isDisabled()).toBe(true);
      const cell = page.getByTestId('cell-regional_auditor-customers.export');
      expect(await cell.isChecked()).toBe(false);
      await cell.check();
      await page.getByTestId('role-save-regional_auditor').first().click();
      await page.getByText('角色已保存').waitFor();
      await expect
        .poll(async () => (await findRole(suite.deps().store.db, 'regional_auditor'))?.permissions)
        .toContain('customers.export');

      await page.goto('/settings?tab=audit');
      await page.getByTestId('audit-action').fill('role.');
      await page.getByTestId('audit-apply').click();
      const table = page.getByTestId('audit-table');
      await table.getByText('role.update').waitFor();
      await table.locator('.ant-table-row-expand-icon').first().click();
      await settle(page);
      const diff = page.getByTestId('audit-diff').first();
      await diff.getByText('permissions').waitFor();
      expect(await diff.textContent()).toContain('customers.export');

      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-verify-result');
      await result.waitFor();
      expect(await result.textContent()).toContain('哈希链完整');
    });
  });
});
