/** Languages users can choose (users.locale); anything else reads in the default, zh-CN. */
export type EmailLocale = 'zh-CN' | 'en';

export interface EmailEvent {
  kind: string;
  entity: string;
  entityId: string | null;
  payload: Record<string, unknown>;
}

const AUTOMATION_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  'automation.late_payments': { 'zh-CN': '多次逾期付款', en: 'repeated late payments' },
  'automation.silent_customer': { 'zh-CN': '客户长期未联系', en: 'customer gone silent' },
  'automation.satisfaction': { 'zh-CN': '满意度偏低', en: 'low satisfaction' },
  'automation.complaint_tag': { 'zh-CN': '投诉标签', en: 'complaint tag' },
};

const text = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null;

/** "C0001 Acme" from the payload's customer fields, or null. */
function customerOf(p: Record<string, unknown>): string | null {
  const parts = [text(p.customerCode), text(p.customerName)].filter((s): s is string => !!s);
  return parts.length ? parts.join(' ') : null;
}

/** The payload's plain fields, one `key: value` line each (nested values as JSON). */
function detailLines(p: Record<string, unknown>): string {
  return Object.entries(p)
    .slice(0, 20)
    .map(([k, v]) => `  ${k}: ${text(v) ?? JSON.stringify(v)}`)
    .join('\n');
}

/**
 * The subject and plain-text body of an event's e-mail in the recipient's language: short
 * templates for `automation.*` and `tier.*`, a generic one for everything else. Pure.
 */
export function renderEmail(event: EmailEvent, locale: string): { subject: string; body: string } {
  const zh = locale !== 'en';
  const p = event.payload;
  if (event.kind === 'analytics.report') return reportEmail(p, zh);
  const customer = customerOf(p);
  const details = detailLines(p);
  const footer = zh ? '请登录 Tierdesk 查看详情。' : 'Sign in to Tierdesk for the details.';
  let subject: string;
  let lead: string;
  if (event.kind.startsWith('automation.')) {
    const label = AUTOMATION_LABELS[event.kind]?.[zh ? 'zh-CN' : 'en'] ?? event.kind;
    subject = zh ? `【Tierdesk】自动提醒：${label}` : `[Tierdesk] Automation alert: ${label}`;
    lead = zh
      ? `客户 ${customer ?? event.entityId ?? ''} 触发了自动规则「${label}」。`
      : `Customer ${customer ?? event.entityId ?? ''} triggered the automation rule "${label}".`;
  } else if (event.kind.startsWith('tier.') || event.kind.startsWith('tiers.')) {
    const from = text(p.from) ?? text(p.fromTier) ?? '—';
    const to = text(p.to) ?? text(p.toTier) ?? '—';
    subject = zh ? '【Tierdesk】客户级别变更' : '[Tierdesk] Customer tier changed';
    lead = customer
      ? zh
        ? `客户 ${customer} 的级别由 ${from} 变为 ${to}。`
        : `Customer ${customer} moved from tier ${from} to ${to}.`
      : zh
        ? '客户级别已更新。'
        : 'Customer tiers were updated.';
  } else {
    subject = zh
      ? `【Tierdesk】新通知：${event.kind}`
      : `[Tierdesk] New notification: ${event.kind}`;
    lead = zh
      ? `事件 ${event.kind}（${event.entity}）。`
      : `Event ${event.kind} (${event.entity}).`;
  }
  const body = (details ? [lead, '', details, '', footer] : [lead, '', footer]).join('\n');
  return { subject, body };
}

/** An analytics report is ready: its title and period; the workbook travels as an attachment. */
function reportEmail(p: Record<string, unknown>, zh: boolean): { subject: string; body: string } {
  const title = text(zh ? p.titleZh : p.titleEn) ?? text(p.title) ?? '';
  const from = text(p.periodFrom) ?? '';
  const to = text(p.periodTo) ?? '';
  const where = text(p.link) ?? '';
  const subject = zh ? `【Tierdesk】${title}` : `[Tierdesk] ${title}`;
  const body = zh
    ? [
        `${title}（${from} 至 ${to}）已生成，Excel 工作簿见附件。`,
        '',
        `在 Tierdesk 的「分析 → 定期报告」中查看或打印：${where}`,
      ]
    : [
        `${title} (${from} – ${to}) is ready; the Excel workbook is attached.`,
        '',
        `View or print it in Tierdesk under Analytics → Reports: ${where}`,
      ];
  return { subject, body: body.join('\n') };
}
