import { describe, expect, it } from 'vitest';
import { tierDistributionFigure } from '../../src/app/analytics/tier-distribution.service';
import { tierMigrationFigure } from '../../src/app/analytics/tier-migration.service';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import type { Deps } from '../../src/app/deps';
import { runTiering } from '../../src/app/tiering/run.service';
import { latestVersion } from '../../src/store/tiering/schemes.repository';
import { chooseOption, clickUntil, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/**
 * Demo customers with the demo's tiers: run 1 published (as of 2025-11-30), run 2 the open
 * review's draft (as of 2026-11-30), and one more draft, run 3 (as of 2026-05-31). The figures
 * the page should show come from the same services.
 */
async function seed(deps: Deps) {
  const ctx = systemCtx();
  await loadDemo(deps, { customers: 150, seed: 11, asOf: '2026-11-30' });
  const { schemeId } = await seedDemoTiering(deps, '2026-11-30', () => {});
  const version = await latestVersion(deps.store.db, schemeId);
  const run3 = await runTiering(deps, ctx, { schemeVersionId: version!.id, asOf: '2026-05-31' });
  return {
    run3: run3.runId,
    distribution: await tierDistributionFigure(deps, ctx, {}),
    auto: await tierMigrationFigure(deps, ctx, {}),
    picked: await tierMigrationFigure(deps, ctx, { beforeRunId: '1', afterRunId: '2' }),
  };
}

describe('tier trends in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('shows the distribution, compares picked runs, and opens the customers of a cell', async () => {
    const { run3, distribution, auto, picked } = suite.seeded();
    expect(distribution.points.map((p) => p.key)).toEqual(['1', `run-${run3}`]);
    expect(auto.after.runId).toBe(run3);
    // The cell the test opens: the fullest one off the diagonal of run 1 → run 2.
    let cell = { from: 0, to: 1, n: -1 };
    picked.counts.forEach((row, r) => {
      row.forEach((n, c) => {
        if (r !== c && n > cell.n) cell = { from: r, to: c, n };
      });
    });
    expect(cell.n).toBeGreaterThan(0);
    const from = picked.labels[cell.from]!;
    const to = picked.labels[cell.to]!;
    const tierA = distribution.points[0]!.tiers[0]!;

    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/analytics/tiers');
      await page.getByRole('heading', { name: '等级变迁' }).waitFor();
      await page.getByTestId('tier-dist-draft').waitFor();
      await page.getByTestId('tier-distribution-chart').locator('canvas').first().waitFor();

      // The tier-A customers of the publication, as many as the table counts.
      const drawer = page.getByTestId('analytics-drill');
      const count = page.getByTestId(`tier-dist-1-${tierA.tier}`);
      await count.getByText(`${tierA.customers} (`).waitFor();
      await settle(page);
      await clickUntil(count, drawer.getByTestId('analytics-drill-total'));
      await drawer.getByText(`共 ${tierA.customers} 个客户`).waitFor();
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // Migration, chosen by the page: the publication against the newest draft.
      await page.getByTestId('tier-view').getByText('层级迁移', { exact: true }).click();
      const sides = page.getByTestId('tier-mig-sides');
      await sides.getByText(`运行 #${run3}`, { exact: false }).waitFor();
      await page
        .getByTestId('tier-move-up')
        .getByText(String(auto.totals.up.customers), { exact: true })
        .waitFor();
      await page.getByTestId('tier-migration-heatmap').locator('canvas').first().waitFor();
      await page.getByTestId('tier-migration-sankey').locator('canvas').first().waitFor();

      // Pick the two runs: the publication (kept) and run 2 instead of run 3.
      await page.getByTestId('tier-mig-compare').getByText('两次运行', { exact: true }).click();
      await chooseOption(
        page,
        page.getByTestId('tier-mig-afterRunId'),
        '#2 · 截至 2026-11-30 · 草稿',
        sides.getByText('运行 #2（截至 2026-11-30，草稿）', { exact: false }),
      );
      await page
        .getByTestId('tier-move-up')
        .getByText(String(picked.totals.up.customers), { exact: true })
        .waitFor();
      await page
        .getByTestId('tier-move-down')
        .getByText(String(picked.totals.down.customers), { exact: true })
        .waitFor();

      // The customers behind one cell, with their tiers before and after.
      const target = page.getByTestId(`tier-cell-${from}-${to}`);
      await target.getByText(String(cell.n), { exact: true }).waitFor();
      await settle(page);
      await clickUntil(target, drawer.getByTestId('analytics-drill-total'));
      await drawer.getByText(`共 ${cell.n} 个客户`).waitFor();
      await drawer.getByRole('columnheader', { name: '之前层级' }).waitFor();
      expect(await drawer.locator('tbody tr.ant-table-row').count()).toBe(Math.min(20, cell.n));
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Tier trends' }).waitFor();
      await page.getByTestId('tier-move-up').getByText('Upgraded').waitFor();
    });
  });
});
