import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdnowCustomers, loadClvCustomers } from '../factories/clv-orders';
import { cliSandbox } from '../support/cli';

describe('tierdesk clv commands', { timeout: 180_000 }, () => {
  const cli = cliSandbox();
  const { tierdesk, failing } = cli;

  beforeAll(async () => {
    const deps = await cli.openDeps();
    await deps.store.close();
  });
  afterAll(() => cli.dispose());

  it('says there is no model yet, and refuses a horizon of 0 naming the option', async () => {
    const none = await tierdesk('clv', 'show');
    expect(none.stdout).toMatch(/No lifetime-value model yet/);
    const bad = await failing('clv', 'fit', '--horizon-months', '0', '--discount-rate', '-1');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/horizonMonths: horizonMonths must be at least 1/);
    expect(bad.stderr).toMatch(/discountRate: discountRate must not be negative/);
  });

  it('fits CDNOW with a holdout, prints the parameters, and shows the model', async () => {
    const deps = await cli.openDeps();
    try {
      await loadClvCustomers(deps, cdnowCustomers());
    } finally {
      await deps.store.close();
    }
    const fit = await tierdesk(
      'clv',
      'fit',
      '--as-of',
      '1998-06-30',
      '--holdout-weeks',
      '39',
      '--discount-rate',
      '0.1',
    );
    expect(fit.stdout).toMatch(/Model 1 \(finished\) as of 1998-06-30, calibration to 1997-09-30/);
    // The published digits (CLVTools: 0.2425945, 4.4136019, 0.7929199, 2.4258881) at 6 decimals.
    expect(fit.stdout).toMatch(/r=0\.24259\d alpha=4\.4136\d\d a=0\.79292\d b=2\.4259\d\d/);
    expect(fit.stdout).toMatch(/LL=-9582\.429\d/);
    // Published: p=6.25, q=3.74, γ=15.44 (CLVTools checks them to a relative 1e-3).
    expect(fit.stdout).toMatch(/p=6\.249\d+ q=3\.744\d+ gamma=15\.44\d+/);
    expect(fit.stdout).toMatch(/holdout 1997-10-01\.\.1998-06-30: actual 1882 repeat purchases/);
    const show = await tierdesk('clv', 'show');
    expect(show.stdout).toMatch(/Model 1 \(finished\)/);
    expect(show.stdout).toMatch(/customers 2357 \(repeat 946\), scored 2357/);
  });
});
