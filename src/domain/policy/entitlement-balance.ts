import type { FieldIssue } from '../errors';
import type { Entitlement } from './policy.schema';

/** What is left of an entitlement in the current period. */
export interface Balance {
  /** Uses allowed per period; null = unlimited. */
  quota: number | null;
  used: number;
  /** Uses left; null = unlimited. Never negative. */
  remaining: number | null;
}

/** The balance of an entitlement given the uses counted so far in the period. */
export function balanceOf(e: Pick<Entitlement, 'quantity'>, used: number): Balance {
  return {
    quota: e.quantity,
    used,
    remaining: e.quantity === null ? null : Math.max(0, e.quantity - used),
  };
}

/** A request to use an entitlement, as the caller gives it. */
export interface UseRequest {
  quantity: number;
  choice?: string | undefined;
  batchSize?: number | undefined;
}

/**
 * The problems with a use request against the entitlement's rules, field by field: the choice
 * must be one of the entitlement's choices (and is required when it has any), a choice already
 * received is refused under noRepeat, and a batch below minBatch is refused. The quota is not
 * checked here: it is enforced atomically by the store, which alone sees concurrent uses.
 * @param received choices the customer already received (not voided)
 */
export function issuesOfUse(
  e: Entitlement,
  req: UseRequest,
  received: readonly string[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = e.choices.map((c) => c.key);
  if (keys.length > 0) {
    if (!req.choice) {
      issues.push({ field: 'choice', message: `choice is required: one of ${keys.join(', ')}` });
    } else if (!keys.includes(req.choice)) {
      issues.push({
        field: 'choice',
        message: `choice must be one of ${keys.join(', ')}`,
        value: req.choice,
      });
    } else if (e.noRepeat && received.includes(req.choice)) {
      issues.push({
        field: 'choice',
        message: `${req.choice} was already given to this customer and may not be repeated`,
        value: req.choice,
      });
    }
  } else if (req.choice) {
    issues.push({ field: 'choice', message: `${e.key} has no choices`, value: req.choice });
  }
  if (e.noRepeat && req.quantity !== 1) {
    issues.push({ field: 'quantity', message: 'quantity must be 1 for a choice never repeated' });
  }
  if (e.minBatch !== null) {
    if (req.batchSize === undefined) {
      issues.push({
        field: 'batchSize',
        message: `batchSize is required: this applies to batches of at least ${e.minBatch}`,
      });
    } else if (req.batchSize < e.minBatch) {
      issues.push({
        field: 'batchSize',
        message: `batchSize must be at least ${e.minBatch}`,
        value: req.batchSize,
      });
    }
  }
  return issues;
}

/** True when `quantity` more uses fit in the balance. */
export function fits(b: Balance, quantity: number): boolean {
  return b.remaining === null || quantity <= b.remaining;
}
