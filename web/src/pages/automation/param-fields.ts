import type { RuleKey } from '../../api/automation';

export type ParamName =
  | 'minLate'
  | 'steps'
  | 'k'
  | 'minOrders'
  | 'threshold'
  | 'fallingBy'
  | 'windowMonths'
  | 'minResponses'
  | 'tag'
  | 'months'
  | 'minComplaints'
  | 'years';

export interface ParamField {
  name: ParamName;
  kind: 'int' | 'num' | 'text';
  min?: number;
  max?: number;
  step?: number;
}

/** The form of each rule's parameters (the server checks them again with the rule's schema). */
export const PARAM_FIELDS: Record<RuleKey, ParamField[]> = {
  late_payments: [
    { name: 'minLate', kind: 'int', min: 1, max: 50 },
    { name: 'steps', kind: 'int', min: 1, max: 5 },
  ],
  silent_customer: [
    { name: 'k', kind: 'num', min: 1, max: 20, step: 0.5 },
    { name: 'minOrders', kind: 'int', min: 2, max: 1000 },
  ],
  satisfaction: [
    { name: 'threshold', kind: 'num', min: 1, max: 5, step: 0.1 },
    { name: 'fallingBy', kind: 'num', min: 0.1, max: 4, step: 0.1 },
    { name: 'windowMonths', kind: 'int', min: 1, max: 24 },
    { name: 'minResponses', kind: 'int', min: 1, max: 100 },
  ],
  complaint_tag: [
    { name: 'tag', kind: 'text' },
    { name: 'months', kind: 'int', min: 1, max: 120 },
    { name: 'minComplaints', kind: 'int', min: 1, max: 100 },
  ],
  provisional_due: [{ name: 'months', kind: 'int', min: 1, max: 60 }],
  bottom_tier: [{ name: 'years', kind: 'int', min: 1, max: 20 }],
};
