import { z } from 'zod';

/**
 * What a review step does. `rate`: account managers' superiors rate their region's customers
 * and may propose another tier with a reason; `finance`: credit rating and receivables;
 * `revise`: the review meeting revises proposals; `approve`: sign-off of the list; `publish`:
 * the new tiers take effect.
 */
export const STEP_KINDS = ['rate', 'finance', 'revise', 'approve', 'publish'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`);

/** One configured step of a review cycle. */
export const stepDefSchema = z.strictObject({
  kind: z.enum(STEP_KINDS, { error: `kind must be one of ${STEP_KINDS.join(', ')}` }),
  name: z.strictObject({ zh: text('name.zh', 100), en: text('name.en', 100) }),
  /** The role that owns the step: only its holders (and administrators) act on it. */
  roleId: text('roleId', 64),
  /** Days after the cycle starts by which the step is due. */
  dueDays: z.number().int().min(0).max(366),
});
export type StepDef = z.output<typeof stepDefSchema>;

/**
 * The annual review of seed 002 (客户分级管理制度 §5.1.2): section chiefs rate their customers
 * on the evaluation form, finance rates credit and confirms receivables, the review meeting
 * revises, the general manager approves the key-customer list, and the result is published.
 */
export const DEFAULT_STEPS: readonly StepDef[] = [
  {
    kind: 'rate',
    name: { zh: '销售经理评定', en: 'Sales managers rate' },
    roleId: 'sales_manager',
    dueDays: 7,
  },
  {
    kind: 'finance',
    name: { zh: '财务资信评定', en: 'Finance rates credit' },
    roleId: 'finance',
    dueDays: 10,
  },
  {
    kind: 'revise',
    name: { zh: '评审会复评', en: 'Review meeting revises' },
    roleId: 'sales_manager',
    dueDays: 14,
  },
  {
    kind: 'approve',
    name: { zh: '总经理审批', en: 'General manager approves' },
    roleId: 'general_manager',
    dueDays: 17,
  },
  {
    kind: 'publish',
    name: { zh: '发布', en: 'Publish' },
    roleId: 'general_manager',
    dueDays: 18,
  },
];

/**
 * Checks a step list: at least one step, each kind at most once, `publish` last and present,
 * and the kinds in the order of STEP_KINDS (rating before revising before approving), so a
 * cycle cannot be configured to approve what nobody rated. Returns problems with their paths.
 */
export function checkSteps(steps: readonly StepDef[]): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const seen = new Set<StepKind>();
  let lastOrder = -1;
  steps.forEach((s, i) => {
    if (seen.has(s.kind))
      issues.push({ field: `steps.${i}.kind`, message: `step kind ${s.kind} appears twice` });
    seen.add(s.kind);
    const order = STEP_KINDS.indexOf(s.kind);
    if (order < lastOrder)
      issues.push({
        field: `steps.${i}.kind`,
        message: `${s.kind} cannot come after ${STEP_KINDS[lastOrder]}; the order is ${STEP_KINDS.join(' → ')}`,
      });
    lastOrder = Math.max(lastOrder, order);
  });
  if (steps.at(-1)?.kind !== 'publish')
    issues.push({ field: 'steps', message: 'the last step must be publish' });
  return issues;
}
