import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { customerInput } from '../factories/customers';
import { cliSandbox } from '../support/cli';

describe('tierdesk policy and order commands', { timeout: 120_000 }, () => {
  const cli = cliSandbox();
  const { dir, tierdesk, failing } = cli;

  beforeAll(async () => {
    const deps = await cli.openDeps();
    const ctx = systemCtx();
    const { version } = await createFromTemplate(deps, ctx, 'abcd');
    await markServiceTier(deps, ctx, version.schemeId);
    for (const tier of ['A', 'B']) {
      const c = await createCustomer(deps, ctx, customerInput({ code: `CLI-${tier}` }));
      await setOverride(deps, ctx, version.schemeId, { customerId: c.id, tier, reason: 'test' });
    }
    const r = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
    await publishRun(deps, ctx, r.runId, { effectiveFrom: '2026-11-01' });
    await deps.store.close();
  });
  afterAll(() => cli.dispose());

  it('shows the seed default, exports it, and imports an edit as version 1', async () => {
    const shown = await tierdesk('policy', 'show');
    expect(shown.stdout).toMatch(/Scheme abcd \(service tier\): catalog seed default/);
    expect(shown.stdout).toMatch(/deferred_90 > cod_or_30 > no_credit > prepay/);

    const out = join(dir, 'catalog.json');
    await tierdesk('policy', 'export', '--out', out);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc).toMatchObject({ schemeKey: 'abcd', version: null });
    doc.catalog.tiers[1].priceFloorPct = -4;
    writeFileSync(out, JSON.stringify(doc));
    const saved = await tierdesk('policy', 'import', out, '--note', 'B 4%');
    expect(saved.stdout).toMatch(/Saved scheme abcd catalog version 1/);
    expect((await tierdesk('policy', 'show')).stdout).toMatch(/catalog version 1/);
  });

  it('refuses a bad catalog file naming the field, and writes nothing', async () => {
    const out = join(dir, 'bad.json');
    await tierdesk('policy', 'export', '--out', out);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    doc.catalog.tiers[0].paymentTerm = 'deferred_180';
    doc.catalog.tiers.pop();
    writeFileSync(out, JSON.stringify(doc));
    const failed = await failing('policy', 'import', out);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/catalog\.tiers\.0\.paymentTerm/);
    expect((await tierdesk('policy', 'show')).stdout).toMatch(/catalog version 1/);
  });

  it('checks orders: allowed, refused with every reason (exit 2), bad lines named', async () => {
    const ok = await tierdesk(
      'order',
      'check',
      '--customer',
      'CLI-A',
      '--line',
      'Pump P-100:10:100.00',
      '--line',
      'Valve:2:25.5',
      '--discount',
      '5',
      '--terms',
      'deferred_90',
      '--delivery',
      '2027-06-30',
    );
    expect(ok.stdout).toMatch(/tier A, terms up to deferred_90/);
    expect(ok.stdout).toMatch(/Total 998\.46 \(internal 1051\.00, floor 998\.46\)/);
    expect(ok.stdout).toMatch(/ALLOWED/);

    const refused = await failing(
      'order',
      'check',
      '--customer',
      'CLI-B',
      '--line',
      'Pump:1:100',
      '--discount',
      '5',
      '--terms',
      'deferred_90',
      '--delivery',
      '2026-11-28',
    );
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/REFUSED/);
    expect(refused.stdout).toMatch(/discount_above_cap \(requestedDiscountPct\): .*at most 4%/);
    expect(refused.stdout).toMatch(/terms_above_level \(paymentTerm\)/);
    expect(refused.stdout).toMatch(/delivery_before_lead_time \(deliveryDate\)/);

    const bad = await failing(
      'order',
      'check',
      '--customer',
      'CLI-A',
      '--line',
      'Pump:0:100',
      '--line',
      'Valve:1:abc',
      '--terms',
      'cod_or_30',
      '--delivery',
      '2027-06-30',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/lines\.0\.quantity/);
    expect(bad.stderr).toMatch(/lines\.1\.internalPriceMinor/);
    const term = await failing(
      'order',
      'check',
      '--customer',
      'CLI-A',
      '--line',
      'P:1:1',
      '--terms',
      'net_365',
      '--delivery',
      '2027-06-30',
    );
    expect(term.stderr).toMatch(/paymentTerm: paymentTerm net_365 is not on the ladder/);
  });
});
