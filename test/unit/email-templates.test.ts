import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/app/notifications/email-templates';

describe('e-mail templates', () => {
  const late = {
    kind: 'automation.late_payments',
    entity: 'customer',
    entityId: '42',
    payload: { customerCode: 'C042', customerName: 'Acme', latePayments: 2 },
  };

  it('writes automation alerts in the recipient language', () => {
    const zh = renderEmail(late, 'zh-CN');
    expect(zh.subject).toBe('【Tierdesk】自动提醒：多次逾期付款');
    expect(zh.body).toContain('客户 C042 Acme 触发了自动规则「多次逾期付款」');
    expect(zh.body).toContain('latePayments: 2');
    const en = renderEmail(late, 'en');
    expect(en.subject).toBe('[Tierdesk] Automation alert: repeated late payments');
    expect(en.body).toContain('Customer C042 Acme triggered');
  });

  it('tells tier changes, and falls back to a generic message', () => {
    const tier = renderEmail(
      {
        kind: 'tier.changed',
        entity: 'customer',
        entityId: '1',
        payload: { customerCode: 'C1', from: 'B', to: 'A' },
      },
      'en',
    );
    expect(tier.body).toContain('moved from tier B to A');
    const other = renderEmail(
      { kind: 'review.closed', entity: 'review', entityId: '3', payload: {} },
      'zh-CN',
    );
    expect(other.subject).toBe('【Tierdesk】新通知：review.closed');
    expect(other.body).not.toContain('undefined');
  });
});
