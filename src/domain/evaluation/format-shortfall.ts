import type { MetricUnit } from '../scheme/metric-catalog';
import type { Shortfall } from './criterion-shortfall';
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
