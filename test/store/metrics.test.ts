import { expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { resolveWindow } from '../../src/domain/metrics/window-range';
import { windowSumsFromFacts, windowSumsFromRollups } from '../../src/store/metrics/window-sums';
import { describeEachEngine } from '../support/engines';

describeEachEngine('metric sums', ({ deps, engine }) => {
  it('rollups and a rescan of the raw facts agree on every window', async () => {
    await loadDemo(deps(), { customers: 400, seed: 7, asOf: '2026-11-30', ctx: systemCtx() });
    for (const window of [
      { kind: 'last_n_months', months: 12 } as const,
      { kind: 'last_n_months', months: 3 } as const,
      { kind: 'calendar_year', offset: -1 } as const,
      { kind: 'all_time' } as const,
    ]) {
      const r = resolveWindow(window, '2026-11-30');
      const fromRollups = await windowSumsFromRollups(deps().store.db, r.fromMonth, r.toMonth);
      const fromFacts = await windowSumsFromFacts(deps().store.db, engine, r.fromMonth, r.toMonth);
      expect(fromRollups.length).toBeGreaterThan(100);
      expect(fromRollups).toEqual(fromFacts);
    }
  }, 120_000);
});
