import { describe, expect, it } from 'vitest';
import {
  assertActionTransition,
  assertResultForDone,
  isOverdue,
} from '../../src/domain/feedback/action-status';
import { assertCanDecide, assertRequestFits } from '../../src/domain/feedback/blacklist-rules';
import {
  assertCampaignTransition,
  invitationState,
  QUARTER_PATTERN,
  selectAudience,
  summarizeByTier,
} from '../../src/domain/feedback/campaign-rules';
import { FEEDBACK_CLASSES, feedbackClassList } from '../../src/domain/feedback/classification';

describe('feedback follow-up actions', () => {
  it('move open → in_progress → done only', () => {
    expect(() => assertActionTransition('open', 'in_progress')).not.toThrow();
    expect(() => assertActionTransition('in_progress', 'done')).not.toThrow();
    expect(() => assertActionTransition('open', 'done')).toThrow(/cannot become done/);
    expect(() => assertActionTransition('done', 'open')).toThrow(/allowed: none/);
  });
  it('need a result to finish and are overdue only when not done and past due', () => {
    expect(() => assertResultForDone('done', '  ')).toThrow();
    expect(() => assertResultForDone('done', '已回访')).not.toThrow();
    expect(isOverdue({ status: 'open', dueOn: '2026-11-26' }, '2026-11-27')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-11-27')).toBe(false);
  });
  it('classes carry names in both languages', () => {
    expect(feedbackClassList().map((c) => c.id)).toEqual([...FEEDBACK_CLASSES]);
    expect(feedbackClassList().find((c) => c.id === 'billing')?.name.zh).toBe('账单与开票');
  });
});

describe('blacklist requests', () => {
  it('refuse adding twice or removing what is not there', () => {
    expect(() => assertRequestFits('add', true)).toThrow(/already/);
    expect(() => assertRequestFits('remove', false)).toThrow(/not on/);
    expect(() => assertRequestFits('add', false)).not.toThrow();
  });
  it('are decided once, and never by the requester', () => {
    expect(() => assertCanDecide({ status: 'pending', requestedBy: 7 }, 7)).toThrow(
      /cannot decide their own/,
    );
    expect(() => assertCanDecide({ status: 'approved', requestedBy: 7 }, 8)).toThrow(/already/);
    expect(() => assertCanDecide({ status: 'pending', requestedBy: 7 }, 8)).not.toThrow();
  });
});

describe('survey campaigns', () => {
  it('go draft → sent → closed', () => {
    expect(() => assertCampaignTransition('draft', 'sent')).not.toThrow();
    expect(() => assertCampaignTransition('sent', 'closed')).not.toThrow();
    expect(() => assertCampaignTransition('draft', 'closed')).toThrow();
    expect(() => assertCampaignTransition('sent', 'sent')).toThrow();
    expect(QUARTER_PATTERN.test('2026-Q4')).toBe(true);
    expect(QUARTER_PATTERN.test('2026-Q5')).toBe(false);
  });
  it('select the audience by tier or everybody active', () => {
    const cs = [
      { id: 1, tier: 'A' },
      { id: 2, tier: 'B' },
      { id: 3, tier: null },
    ];
    expect(selectAudience(cs, { tiers: ['A'], allActive: false }).map((c) => c.id)).toEqual([1]);
    expect(selectAudience(cs, { tiers: [], allActive: true }).map((c) => c.id)).toEqual([1, 2, 3]);
  });
  it('summarize response rate and average per tier and overall', () => {
    const s = summarizeByTier([
      { tier: 'B', invited: 4, answered: 1, scoreSum: 3 },
      { tier: 'A', invited: 2, answered: 2, scoreSum: 9 },
      { tier: null, invited: 1, answered: 0, scoreSum: 0 },
    ]);
    expect(s.byTier.map((t) => t.tier)).toEqual(['A', 'B', null]);
    expect(s.byTier[0]).toMatchObject({ responseRate: 1, average: 4.5 });
    expect(s.byTier[2]?.average).toBeNull();
    expect(s.total).toMatchObject({ invited: 7, answered: 3, average: 4 });
    expect(s.total.responseRate).toBeCloseTo(3 / 7);
  });
  it('invitations are open until answered or expired', () => {
    const now = new Date('2026-11-27T00:00:00Z');
    expect(invitationState({ answeredAt: null, expiresAt: '2026-11-28T00:00:00Z' }, now)).toBe(
      'open',
    );
    expect(invitationState({ answeredAt: null, expiresAt: '2026-11-27T00:00:00Z' }, now)).toBe(
      'expired',
    );
    expect(
      invitationState(
        { answeredAt: '2026-11-26T00:00:00Z', expiresAt: '2026-11-20T00:00:00Z' },
        now,
      ),
    ).toBe('answered');
  });
});
