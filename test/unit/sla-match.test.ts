import { describe, expect, it } from 'vitest';
import {
  categoryMatches,
  type SlaPolicy,
  selectSlaPolicy,
  slaPolicySchema,
  slaPolicySetSchema,
  slaSeedTemplate,
} from '../../src/domain/sla';

const TEMPLATE = slaSeedTemplate(['A', 'B', 'C', 'D']);

function policy(key: string, match: Partial<SlaPolicy['match']>): SlaPolicy {
  return slaPolicySchema.parse({
    key,
    name: { zh: key, en: key },
    match: { tier: null, level: null, category: null, ...match },
    targets: { response: { amount: 1, unit: 'hours' } },
    calendar: '24x7',
  });
}

describe('category prefixes', () => {
  it('match the code itself and its descendants at a dot boundary only', () => {
    expect(categoryMatches('complaint', 'complaint')).toBe(true);
    expect(categoryMatches('complaint', 'complaint.service_attitude')).toBe(true);
    expect(categoryMatches('complaint', 'complaints')).toBe(false);
    expect(categoryMatches('complaint.billing', 'complaint')).toBe(false);
  });
});

describe('the most specific policy wins', () => {
  it('a tier-A coverage request: the coverage policy wins, the first reply comes from tier A', () => {
    const s = selectSlaPolicy(TEMPLATE, {
      tier: 'A',
      level: 3,
      category: 'consultation.network_coverage',
    });
    expect(s.winner?.key).toBe('coverage-a');
    expect(s.candidates.filter((c) => c.matched).map((c) => c.policy.key)).toEqual([
      'coverage-a',
      'level-3',
      'tier-a',
      'inquiry-24h',
    ]);
    expect(s.targets.response).toMatchObject({
      policyKey: 'coverage-a',
      target: { amount: 1, unit: 'working_days' },
      inherited: false,
    });
    // Neither the coverage nor the level policy sets a first reply: tier A's 30 minutes apply.
    expect(s.targets.firstReply).toMatchObject({
      policyKey: 'tier-a',
      calendar: '24x7',
      target: { amount: 30, unit: 'minutes' },
      inherited: true,
    });
    expect(s.targets.resolution?.policyKey).toBe('level-3');
    const tierA = s.candidates.find((c) => c.policy.key === 'tier-a');
    expect(tierA).toMatchObject({
      outcome: 'less_specific',
      lostOn: 'fields',
      beatenBy: 'coverage-a',
    });
    const coverageB = s.candidates.find((c) => c.policy.key === 'coverage-b');
    expect(coverageB?.outcome).toBe('no_match');
    expect(coverageB?.mismatches).toEqual([{ field: 'tier', wanted: 'B', got: 'A' }]);
  });

  it('one field each: the level beats the tier, documented as the deciding step', () => {
    const s = selectSlaPolicy(TEMPLATE, {
      tier: 'B',
      level: 2,
      category: 'complaint.service_attitude',
    });
    expect(s.winner?.key).toBe('level-2');
    expect(s.candidates[1]).toMatchObject({ policy: { key: 'tier-b' }, lostOn: 'level' });
    expect(s.targets.firstReply).toMatchObject({
      policyKey: 'tier-b',
      target: { amount: 1, unit: 'hours' },
    });
  });

  it('a deeper category beats a shallower one; category beats level at equal field count', () => {
    const set = [
      policy('complaint', { category: 'complaint' }),
      policy('attitude', { category: 'complaint.service_attitude' }),
      policy('urgent', { level: 1 }),
    ];
    const s = selectSlaPolicy(set, {
      tier: null,
      level: 1,
      category: 'complaint.service_attitude',
    });
    expect(s.winner?.key).toBe('attitude');
    expect(s.candidates.map((c) => [c.policy.key, c.lostOn])).toEqual([
      ['attitude', null],
      ['complaint', 'category_depth'],
      ['urgent', 'category_depth'],
    ]);
  });

  it('a customer without a tier gets the level and the baseline; nothing matches an empty set', () => {
    const s = selectSlaPolicy(TEMPLATE, { tier: null, level: 4, category: 'consultation' });
    expect(s.winner?.key).toBe('level-4');
    expect(s.targets.firstReply).toMatchObject({
      policyKey: 'inquiry-24h',
      target: { amount: 24 },
    });
    expect(selectSlaPolicy([], { tier: 'A', level: 1, category: 'x' })).toMatchObject({
      winner: null,
      candidates: [],
      targets: {},
    });
  });
});

describe('the seed template', () => {
  it('is a valid set: seed 002 levels, seed 000 tiers best first, coverage for A/B/C', () => {
    const set = slaPolicySetSchema.parse(TEMPLATE);
    expect(set.map((p) => p.key)).toEqual([
      'inquiry-24h',
      'level-1',
      'level-2',
      'level-3',
      'level-4',
      'tier-a',
      'tier-b',
      'tier-c',
      'tier-d',
      'coverage-a',
      'coverage-b',
      'coverage-c',
    ]);
    const byKey = new Map(set.map((p) => [p.key, p]));
    expect(byKey.get('level-1')).toMatchObject({
      calendar: '24x7',
      targets: {
        response: { amount: 30, unit: 'minutes' },
        resolution: { amount: 2, unit: 'hours' },
      },
    });
    expect(byKey.get('level-3')?.targets).toEqual({
      response: { amount: 24, unit: 'hours' },
      resolution: { amount: 5, unit: 'working_days' },
    });
    expect(byKey.get('level-4')?.targets.response).toEqual({ amount: 5, unit: 'working_days' });
    expect(byKey.get('tier-b')?.targets).toEqual({
      firstReply: { amount: 1, unit: 'hours' },
      response: { amount: 4, unit: 'hours' },
      resolution: { amount: 8, unit: 'hours' },
    });
    expect(byKey.get('tier-d')?.targets.resolution).toEqual({ amount: 72, unit: 'hours' });
    expect(byKey.get('coverage-c')?.targets.response).toEqual({ amount: 3, unit: 'working_days' });
  });

  it('maps onto a three-tier scheme and odd tier ids', () => {
    const keys = slaSeedTemplate(['S', '金']).map((p) => p.key);
    expect(keys).toContain('tier-s');
    expect(keys).toContain('tier-2');
    expect(keys).toContain('coverage-2');
    expect(slaPolicySetSchema.safeParse(slaSeedTemplate(['S', '金'])).success).toBe(true);
  });
});

describe('policy set validation', () => {
  it('names duplicate matches, duplicate keys and policies without targets', () => {
    const a = policy('a', { tier: 'A' });
    const r = slaPolicySetSchema.safeParse([
      a,
      { ...policy('b', { tier: 'A' }) },
      { ...policy('a', { level: 2 }) },
      { ...policy('c', { level: 3 }), targets: {} },
    ]);
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues).toContainEqual(['1.match', expect.stringContaining('same match as a')]);
    expect(issues).toContainEqual(['2.key', 'key a is already used by policy 1']);
    expect(issues).toContainEqual(['3.targets', 'policy c sets no target']);
  });

  it('needs exactly one of afterFraction and afterMinutes on an escalation step', () => {
    const bad = slaPolicySchema.safeParse({
      ...policy('x', {}),
      escalation: [{ role: 'manager', afterFraction: 1, afterMinutes: 30 }],
    });
    expect(bad.error?.issues[0]?.path).toEqual(['escalation', 0, 'afterFraction']);
    expect(
      slaPolicySchema.safeParse({
        ...policy('x', {}),
        match: { tier: null, level: 5, category: null },
      }).success,
    ).toBe(false);
  });
});
