import type { StepInput } from '../../api/reviews';

/**
 * The annual review of seed 002 as the server ships it, shown in the start dialog so a manager
 * sees (and may adjust) who owns each step and when it is due.
 */
export const DEFAULT_STEPS: readonly StepInput[] = [
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
  { kind: 'publish', name: { zh: '发布', en: 'Publish' }, roleId: 'general_manager', dueDays: 18 },
];

/** Roles offered as step owners. */
export const STEP_ROLES = ['sales_manager', 'finance', 'general_manager', 'admin'] as const;
