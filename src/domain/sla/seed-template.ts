import type { EscalationStep, SlaPolicy, SlaTargets } from './sla.schema';

/** Calendar keys the template uses: the shipped mainland calendar and the 24×7 calendar. */
export const CN_MAINLAND = 'cn-mainland';
export const ALWAYS_OPEN = '24x7';

/** The category code of network-coverage requests (seed 002, 集团优质服务) in the ticket taxonomy. */
export const COVERAGE_CATEGORY = 'consultation.network_coverage';

const min = (amount: number) => ({ amount, unit: 'minutes' as const });
const h = (amount: number) => ({ amount, unit: 'hours' as const });
const wd = (amount: number) => ({ amount, unit: 'working_days' as const });

/** Warn at 75 %; the supervisor at the due instant, the manager at half as long again. */
const ESCALATE: EscalationStep[] = [
  { target: 'resolution', afterFraction: 1, role: 'supervisor' },
  { target: 'resolution', afterFraction: 1.5, role: 'manager' },
];
/** Urgent: a missed response already goes to the supervisor (seed 000: escalate at once). */
const ESCALATE_URGENT: EscalationStep[] = [
  { target: 'response', afterFraction: 1, role: 'supervisor' },
  { target: 'resolution', afterFraction: 1, role: 'manager' },
];

/** Seed 002 第三章: the four service levels — response and resolution. */
const LEVELS: { zh: string; en: string; targets: SlaTargets; calendar: string }[] = [
  {
    zh: '一级服务（紧急）',
    en: 'Level 1 urgent',
    targets: { response: min(30), resolution: h(2) },
    calendar: ALWAYS_OPEN,
  },
  {
    zh: '二级服务（优先）',
    en: 'Level 2 priority',
    targets: { response: h(4), resolution: h(12) },
    calendar: CN_MAINLAND,
  },
  {
    zh: '三级服务（常规）',
    en: 'Level 3 routine',
    targets: { response: h(24), resolution: wd(5) },
    calendar: CN_MAINLAND,
  },
  {
    zh: '四级服务（咨询）',
    en: 'Level 4 consultation',
    targets: { response: wd(5), resolution: wd(10) },
    calendar: CN_MAINLAND,
  },
];

/**
 * Seed 002 集团客户层次分类: reply to an inquiry / respond to a request / handle the problem.
 * The super tier has a 24-hour account manager, so its clocks run 24×7; the others run on the
 * office calendar ("在规定的服务时间内").
 */
const TIERS: { zh: string; en: string; targets: SlaTargets; calendar: string }[] = [
  {
    zh: '超级客户',
    en: 'Super',
    targets: { firstReply: min(30), response: h(1), resolution: h(2) },
    calendar: ALWAYS_OPEN,
  },
  {
    zh: '金牌客户',
    en: 'Gold',
    targets: { firstReply: h(1), response: h(4), resolution: h(8) },
    calendar: CN_MAINLAND,
  },
  {
    zh: '银牌客户',
    en: 'Silver',
    targets: { firstReply: h(2), response: h(8), resolution: h(24) },
    calendar: CN_MAINLAND,
  },
  {
    zh: '普通客户',
    en: 'Ordinary',
    targets: { firstReply: h(24), response: h(48), resolution: h(72) },
    calendar: CN_MAINLAND,
  },
];

/** Seed 002 网络覆盖需求响应: A / B / C groups answered in 1 / 2 / 3 working days. */
const COVERAGE_DAYS = [1, 2, 3];

/** A policy-key fragment for a tier id (ids outside a-z0-9 fall back to the tier's position). */
function keySlug(tier: string, index: number): string {
  const slug = tier.toLowerCase().replace(/[^a-z0-9_.-]/g, '');
  return slug === tier.toLowerCase() && slug ? slug : `${index + 1}`;
}

function policy(
  p: Omit<SlaPolicy, 'warnAt' | 'escalation'> & { escalation?: EscalationStep[] },
): SlaPolicy {
  return { warnAt: 0.75, escalation: ESCALATE, ...p };
}

/**
 * The seed values as a policy set for a tier scheme whose tier ids are given best first: the
 * seed's super / gold / silver / ordinary go onto the first four tiers (further tiers get the
 * ordinary targets), coverage A / B / C onto the first three. Also the four service levels and
 * the baseline "every inquiry answered within 24 hours" (seed 002 §6) for every ticket.
 */
export function slaSeedTemplate(tierIdsBestFirst: readonly string[]): SlaPolicy[] {
  const out: SlaPolicy[] = [
    policy({
      key: 'inquiry-24h',
      name: { zh: '所有询问 24 小时内答复', en: 'Every inquiry answered within 24 h' },
      match: { tier: null, level: null, category: null },
      targets: { firstReply: h(24) },
      calendar: ALWAYS_OPEN,
    }),
  ];
  LEVELS.forEach((l, i) => {
    out.push(
      policy({
        key: `level-${i + 1}`,
        name: { zh: l.zh, en: l.en },
        match: { tier: null, level: i + 1, category: null },
        targets: l.targets,
        calendar: l.calendar,
        escalation: i === 0 ? ESCALATE_URGENT : ESCALATE,
      }),
    );
  });
  tierIdsBestFirst.forEach((tier, i) => {
    const slug = keySlug(tier, i);
    const seed = TIERS[Math.min(i, TIERS.length - 1)]!;
    out.push(
      policy({
        key: `tier-${slug}`,
        name: { zh: `${tier} 类（${seed.zh}）`, en: `Tier ${tier} (${seed.en})` },
        match: { tier, level: null, category: null },
        targets: seed.targets,
        calendar: seed.calendar,
      }),
    );
  });
  tierIdsBestFirst.slice(0, COVERAGE_DAYS.length).forEach((tier, i) => {
    out.push(
      policy({
        key: `coverage-${keySlug(tier, i)}`,
        name: { zh: `${tier} 类网络覆盖需求`, en: `Tier ${tier} network coverage` },
        match: { tier, level: null, category: COVERAGE_CATEGORY },
        targets: { response: wd(COVERAGE_DAYS[i]!) },
        calendar: CN_MAINLAND,
      }),
    );
  });
  return out;
}
