import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { slaPoliciesInForce } from '../../src/app/sla/sla-in-force';
import {
  getSlaPolicies,
  getSlaPolicyVersion,
  listSlaPolicyVersions,
  saveSlaPolicies,
} from '../../src/app/sla/sla-policies.service';
import { ticketSla } from '../../src/app/sla/ticket-sla';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import type { SlaPolicy } from '../../src/domain/sla';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

describeEachEngine('SLA policy versions', ({ deps }) => {
  const supervisor = roleCtx('service_supervisor', 7);
  const agent = roleCtx('service_agent', 8);

  beforeAll(async () => {
    const ctx = systemCtx();
    const { version } = await createFromTemplate(deps(), ctx, 'abcd');
    await markServiceTier(deps(), ctx, version.schemeId);
  }, 60_000);

  it('serves the seed template on the service tier scheme before the first save', async () => {
    const p = await getSlaPolicies(deps(), agent);
    expect(p.version).toBeNull();
    expect(p.tiers.map((t) => t.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(p.policies.map((x) => x.key)).toContain('coverage-c');
    expect(p.calendars.map((c) => c.key)).toEqual(expect.arrayContaining(['cn-mainland', '24x7']));
    expect(p.savedBy).toBeNull();
  });

  it('saves versions with a note, refuses a stale base, keeps history and the audit', async () => {
    const { policies } = await getSlaPolicies(deps(), supervisor);
    const edited: SlaPolicy[] = policies.map((p) =>
      p.key === 'tier-b'
        ? { ...p, targets: { ...p.targets, resolution: { amount: 6, unit: 'hours' } } }
        : p,
    );
    const v1 = await saveSlaPolicies(deps(), supervisor, {
      policies: edited,
      version: null,
      note: '金牌客户处理时限缩短为 6 小时',
    });
    expect(v1.savedVersion).toBe(1);
    expect(v1.version).toBe(1);
    expect(v1.note).toBe('金牌客户处理时限缩短为 6 小时');
    await expect(
      saveSlaPolicies(deps(), supervisor, { policies: edited, version: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: 1 } });
    const v2 = await saveSlaPolicies(deps(), supervisor, {
      policies: edited.filter((p) => !p.key.startsWith('coverage-')),
      version: 1,
    });
    expect(v2.savedVersion).toBe(2);

    const inForce = await slaPoliciesInForce(deps().store.db);
    expect(inForce.version).toBe(2);
    expect(inForce.policies.find((p) => p.key === 'tier-b')?.targets.resolution).toEqual({
      amount: 6,
      unit: 'hours',
    });
    expect(inForce.policies.some((p) => p.key === 'coverage-a')).toBe(false);
    expect((await listSlaPolicyVersions(deps(), agent)).map((v) => [v.version, v.note])).toEqual([
      [2, null],
      [1, '金牌客户处理时限缩短为 6 小时'],
    ]);
    const old = await getSlaPolicyVersion(deps(), agent, 1);
    expect(old.policies.some((p) => p.key === 'coverage-a')).toBe(true);
    await expect(getSlaPolicyVersion(deps(), agent, 9)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_id', 'after'])
      .where('action', '=', 'sla.save')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.entity_id, Number(a.actor_id)])).toEqual([
      ['1', 7],
      ['2', 7],
    ]);
    expect(JSON.parse(audit[0]?.after ?? '{}').note).toBe('金牌客户处理时限缩短为 6 小时');
  });

  it('names unknown tiers, missing calendars and duplicate matches, and writes nothing', async () => {
    const { policies, version } = await getSlaPolicies(deps(), supervisor);
    const bad = [
      ...policies,
      { ...policies[1], key: 'level-1-copy' },
      {
        ...policies[1],
        key: 'tier-z',
        match: { tier: 'Z', level: 1, category: null },
        calendar: 'moon-base',
      },
    ];
    const dup = await saveSlaPolicies(deps(), supervisor, { policies: bad, version }).catch(
      (e) => e,
    );
    expect(dup.code).toBe('VALIDATION');
    expect(dup.details.issues).toContainEqual({
      field: `policies.${policies.length}.match`,
      message: expect.stringContaining('same match as level-1'),
    });
    const refs = await saveSlaPolicies(deps(), supervisor, {
      policies: [...policies, bad[bad.length - 1]],
      version,
    }).catch((e) => e);
    const fields = refs.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual([
      `policies.${policies.length}.match.tier`,
      `policies.${policies.length}.calendar`,
    ]);
    expect(refs.details.issues[0].message).toContain('its tiers: A, B, C, D');
    expect((await slaPoliciesInForce(deps().store.db)).version).toBe(version);
  });

  it('gives a ticket its policy and clocks, paused while waiting on the customer', async () => {
    const pauses = [
      { from: new Date('2026-09-18T08:00:00Z'), to: new Date('2026-09-20T02:00:00Z') },
    ];
    const sla = await ticketSla(
      deps().store.db,
      { tier: 'B', level: 2, category: 'repair.onsite' },
      new Date('2026-09-18T06:00:00Z'),
      pauses,
    );
    expect(sla.version).toBe(2);
    expect(sla.selection.winner?.key).toBe('level-2');
    // Fri 18 Sep 14:00 China time, paused Fri 16:00 – Sun 20 Sep (make-up day) 10:00. Response
    // 4 h: Fri 14–16, Sun 10–12. Resolution 12 h: + Sun 13–18, Mon 21 Sep 09–12.
    expect(sla.deadlines.map((d) => [d.key, d.policyKey, d.dueAt?.toISOString()])).toEqual([
      ['firstReply', 'tier-b', '2026-09-18T07:00:00.000Z'],
      ['response', 'level-2', '2026-09-20T04:00:00.000Z'],
      ['resolution', 'level-2', '2026-09-21T04:00:00.000Z'],
    ]);
  });

  it('lets agents read but not save', async () => {
    await expect(
      saveSlaPolicies(deps(), agent, { policies: [], version: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getSlaPolicies(deps(), roleCtx('finance'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
