import { DomainError, type FieldIssue, validationError } from '../errors';
import type { EvaluationInput } from './evaluation-input';
import { overrideSchema } from './override.schema';
import { Flag, type Plan, TierSource } from './plan';

/**
 * Applies the active manual overrides: each names a customer id, a tier of this scheme, a
 * reason and an approver; one with `expiresOn` before the run's as-of date has lapsed and is
 * ignored. An override applies whether or not the scheme's segment holds the customer (it is
 * a decision about this customer in this scheme). Invalid overrides are refused, not skipped,
 * because an override is a decision someone approved.
 */
export function applyOverrides(
  plan: Plan,
  input: EvaluationInput,
  tier: Int16Array,
  source: Uint8Array,
  flags: Uint8Array,
): void {
  const list = input.overrides;
  if (!list?.length) return;
  const issues: FieldIssue[] = [];
  const byId = new Map<number, number>();
  list.forEach((raw, row) => {
    const r = overrideSchema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues)
        issues.push({ row, field: `overrides[${row}].${i.path.join('.')}`, message: i.message });
      return;
    }
    const o = r.data;
    const t = plan.tierIndex.get(o.tier);
    if (t === undefined) {
      issues.push({ row, field: `overrides[${row}].tier`, message: `unknown tier ${o.tier}` });
      return;
    }
    if (o.expiresOn !== undefined) {
      if (!input.asOf)
        throw new DomainError('VALIDATION', 'asOf is required when an override has an expiry');
      if (o.expiresOn < input.asOf) return;
    }
    if (byId.has(o.customerId)) {
      issues.push({
        row,
        field: `overrides[${row}].customerId`,
        message: `customer ${o.customerId} has two active overrides`,
      });
      return;
    }
    byId.set(o.customerId, t);
  });
  if (issues.length) throw validationError('invalid tier overrides', issues);
  const ids = input.ids;
  const OVERRIDE = TierSource.override;
  const FLAG = Flag.override;
  for (let i = 0; i < ids.length; i++) {
    const t = byId.get(ids[i]!);
    if (t === undefined) continue;
    tier[i] = t;
    source[i] = OVERRIDE;
    flags[i]! |= FLAG;
  }
}
