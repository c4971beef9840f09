import { expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/app/demo/demo.service';
import { runNextJob } from '../../src/app/jobs/runner';
import { latestFinishedModel } from '../../src/store/analytics/clv-models.repository';
import { describeEachEngine } from '../support/engines';

describeEachEngine(
  'lifetime value of the demo loaded on first start',
  ({ deps }) => {
    it('queues one fit after the demo facts load; it finishes with a full model', async () => {
      expect(await loadDemoIfEmpty(deps(), () => {})).toMatchObject({ customers: 300 });
      const jobs = await deps()
        .store.db.selectFrom('jobs')
        .select(['kind', 'payload'])
        .where('kind', '=', 'clv.fit')
        .execute();
      expect(jobs).toHaveLength(1);
      expect(JSON.parse(jobs[0]!.payload)).toMatchObject({ asOf: '2026-11-30' });
      const run = await runNextJob(deps());
      expect(run).toMatchObject({ outcome: 'done' });
      const m = await latestFinishedModel(deps().store.db);
      expect(m).toMatchObject({ asOf: '2026-11-30', status: 'finished', warnings: [] });
      expect(m!.scoredCustomers).toBeGreaterThan(250);
      expect(m!.gammaGamma).not.toBeNull();
      // A second start finds the demo loaded and queues nothing more.
      expect(await loadDemoIfEmpty(deps(), () => {})).toBeUndefined();
      const again = await deps()
        .store.db.selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'clv.fit')
        .execute();
      expect(again).toHaveLength(1);
    }, 180_000);
  },
  { demo: 'auto', demoCustomers: 300 },
);
