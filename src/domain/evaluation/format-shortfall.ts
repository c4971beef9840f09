import type { MetricUnit } from '../scheme/metric-catalog';
import type { Shortfall } from './criterion-shortfall';
import type { ShareStanding } from './explain';
import type { Plan } from './plan';

export type Lang = 'zh' | 'en';

const SUFFIX: Record<MetricUnit, Record<Lang, string>> = {
  money: { zh: '', en: '' },
  count: { zh: '', en: '' },
  percent: { zh: '%', en: '%' },
  days: { zh: '天', en: ' days' },
  months: { zh: '个月', en: ' months' },
  per_month: { zh: '次/月', en: '/month' },
  score: { zh: '', en: '' },
  flag: { zh: '', en: '' },
  number: { zh: '', en: '' },
};

/**
 * One shortfall as a line for people: "revenue ≥ 70,000 (+29,000)",
 * "按时付款率 ≥ 95% (+5%)", "sales model: direct or distributor". Money carries no currency
 * sign: the scheme's metrics are in the company's currency.
 */
export function formatShortfall(s: Shortfall, plan: Plan, lang: Lang): string {
  const metric = plan.metrics.find((m) => m.key === s.metric);
  const label = metric ? metric.label[lang] : s.metric;
  if (!s.reachable || !s.target)
    return lang === 'zh' ? `仅靠${label}无法达到` : `${label} alone cannot close the gap`;
  if (s.target.op === 'in') {
    const list = s.target.values.join(lang === 'zh' ? ' 或 ' : ' or ');
    return lang === 'zh' ? `${label}：${list}` : `${label}: ${list}`;
  }
  const suffix = SUFFIX[s.unit][lang];
  const fmt = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: 2,
  });
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[s.target.op];
  const change =
    s.change === undefined
      ? ''
      : ` (${s.change >= 0 ? '+' : '−'}${fmt.format(Math.abs(s.change))}${suffix})`;
  return `${label} ${op} ${fmt.format(s.target.value)}${suffix}${change}`;
}

/**
 * A customer's place on a cumulative-share ranking as a line for people:
 * "累计利润占比 62.5%，本层分界线 80%；进入上一层（分界线 50%）需利润 > 120,000 (+30,000)" /
 * "cumulative profit share at this customer 62.5%, line 80%; next tier (line 50%):
 * profit > 120,000 (+30,000)". A customer not counted (value missing or not above 0) has no share.
 */
export function formatShareStanding(s: ShareStanding, plan: Plan, lang: Lang): string {
  const metric = plan.metrics.find((m) => m.key === s.metric);
  const label = metric ? metric.label[lang] : s.metric;
  const fmt = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: 2,
  });
  const pct = (x: number) => `${fmt.format(Math.round(x * 10) / 10)}%`;
  const zh = lang === 'zh';
  // A tier reached by a gate or hysteresis may have no line of its own.
  const hasLine = !Number.isNaN(s.line);
  let text = Number.isNaN(s.share)
    ? zh
      ? `${label}不大于 0 或缺失，不计入累计占比${hasLine ? `（本层分界线 ${pct(s.line)}）` : ''}`
      : `${label} missing or not above 0: not counted in the cumulative share${hasLine ? ` (line ${pct(s.line)})` : ''}`
    : zh
      ? `累计${label}占比 ${pct(s.share)}${hasLine ? `，本层分界线 ${pct(s.line)}` : ''}`
      : `cumulative ${label} share at this customer ${pct(s.share)}${hasLine ? `, line ${pct(s.line)}` : ''}`;
  if (s.target) {
    const change =
      s.change === undefined
        ? ''
        : ` (${s.change >= 0 ? '+' : '−'}${fmt.format(Math.abs(s.change))})`;
    const need = `${label} > ${fmt.format(s.target.value)}${change}`;
    text += zh
      ? `；进入上一层（分界线 ${pct(s.nextLine!)}）需${need}`
      : `; next tier (line ${pct(s.nextLine!)}): ${need}`;
  }
  return text;
}
