import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { publishRun } from '../../src/app/review/publish.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { businessDate } from '../../src/domain/business-date';

/** The people of the annual review: a general manager, an east-region sales manager, finance. */
export const REVIEWERS = {
  gm: { username: 'zhaogm', password: 'Zhaogm-pass-123', roleId: 'general_manager', region: null },
  east: { username: 'sunsm', password: 'Sunsm-pass-123', roleId: 'sales_manager', region: '华东' },
  fin: { username: 'qianfin', password: 'Qianfin-pass-123', roleId: 'finance', region: null },
} as const;

const name = (text: string) => ({ zh: text, en: text });

/**
 * A plain A/B/C scheme by 12-month revenue (20/30/50 %), so the seeded orders of last December
 * give the web-data customers distinct tiers: A KH-1003, KH-1001; B KH-1008, KH-1012, KH-1005,
 * KH-1002; C the rest.
 */
const SCHEME = {
  id: 'annual-abc',
  version: 1,
  name: name('年度 ABC 分级'),
  metrics: [{ id: 'revenue', window: { kind: 'last_n_months', months: 12 } }],
  criteria: [
    {
      id: 'rev',
      label: name('收入'),
      metric: 'revenue',
      weight: 1,
      kind: 'percentile',
      maxPoints: 100,
    },
  ],
  tiers: ['A', 'B', 'C'].map((id, i) => ({ id, name: name(id), rank: i + 1 })),
  assignment: {
    ranking: {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 20 },
        { tier: 'B', percent: 30 },
        { tier: 'C', percent: 50 },
      ],
    },
  },
};

/**
 * Seeds the reviewers and the scheme, and publishes the scheme's tiers today straight from a
 * run, so the cycle has published tiers to move customers from.
 */
export async function seedReview(deps: Deps): Promise<{ schemeId: number }> {
  const ctx = systemCtx();
  for (const r of Object.values(REVIEWERS)) {
    await createUser(deps, ctx, {
      username: r.username,
      displayName: r.username,
      password: r.password,
      roleId: r.roleId,
      region: r.region,
    });
  }
  const version = await createScheme(deps, ctx, SCHEME);
  const today = businessDate(new Date(), 'Asia/Shanghai');
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: today });
  await publishRun(deps, ctx, run.runId, {});
  return { schemeId: version.schemeId };
}
