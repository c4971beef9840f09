import type { Customer } from '../../domain/customers/customer.schema';
import { DomainError, notFound, validationError } from '../../domain/errors';
import * as repo from '../../store/customers.repository';
import { moveCustomerLinks } from '../../store/merge.repository';
import { refreshRollups } from '../../store/metrics/rollups';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { assertCustomerInScope } from './customer-scope';

export interface MergeResult {
  survivor: Customer;
  mergedId: number;
  mergedCode: string;
  moved: Record<string, number>;
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: every fact, contact, address, tag and
 * referral moves to the survivor; the survivor keeps its own values and takes the other's where it
 * has none; the merged-away record stays (status 'merged') so its code still resolves to the
 * survivor. Both versions must be the ones the user reviewed, so nobody merges a record that
 * changed under them.
 */
export async function mergeCustomers(
  deps: Deps,
  ctx: Ctx,
  input: {
    survivorId: number;
    mergedId: number;
    survivorVersion: number;
    mergedVersion: number;
    reasons?: string[];
  },
): Promise<MergeResult> {
  requirePermission(ctx, 'customers.write');
  if (input.survivorId === input.mergedId) {
    throw validationError('A customer cannot be merged into itself', [
      { field: 'mergedId', message: 'must differ from survivorId', value: input.mergedId },
    ]);
  }
  const now = ctx.now().toISOString();
  return deps.store.db.transaction().execute(async (trx) => {
    await assertCustomerInScope(trx, ctx, input.survivorId);
    await assertCustomerInScope(trx, ctx, input.mergedId);
    const survivor = await repo.findCustomerById(trx, input.survivorId);
    const merged = await repo.findCustomerById(trx, input.mergedId);
    if (!survivor) throw notFound('Customer', input.survivorId);
    if (!merged) throw notFound('Customer', input.mergedId);
    for (const [c, v, field] of [
      [survivor, input.survivorVersion, 'survivorVersion'],
      [merged, input.mergedVersion, 'mergedVersion'],
    ] as const) {
      if (c.status === 'merged') {
        throw new DomainError('INVALID_STATE', `Customer ${c.code} is already merged away`, {
          id: c.id,
        });
      }
      if (c.version !== v) {
        throw new DomainError(
          'STALE_VERSION',
          `Customer ${c.code} changed since you reviewed it (version ${v}, now ${c.version}); review the merge again`,
          { field, id: c.id, givenVersion: v, currentVersion: c.version },
        );
      }
    }

    const moved = await moveCustomerLinks(trx, merged.id, survivor.id);
    await refreshRollups(trx, deps.store.engine, [survivor.id, merged.id]);

    // Retire the merged record first: it releases its unique credit code for the survivor.
    await repo.updateCustomer(
      trx,
      merged.id,
      merged.version,
      { status: 'merged', merged_into_id: survivor.id, credit_code: null },
      now,
    );
    const fill = <T>(mine: T | null, theirs: T | null) => mine ?? theirs ?? null;
    await repo.updateCustomer(
      trx,
      survivor.id,
      survivor.version,
      {
        industry: fill(survivor.industry, merged.industry),
        region: fill(survivor.region, merged.region),
        province: fill(survivor.province, merged.province),
        city: fill(survivor.city, merged.city),
        district: fill(survivor.district, merged.district),
        region_code: fill(survivor.regionCode, merged.regionCode),
        credit_code: fill(survivor.creditCode, merged.creditCode),
        size: fill(survivor.size, merged.size),
        source: fill(survivor.source, merged.source),
        owner_id: fill(survivor.ownerId, merged.ownerId),
        custom_fields: JSON.stringify({ ...merged.customFields, ...survivor.customFields }),
      },
      now,
    );
    await trx
      .insertInto('customer_merges')
      .values({
        survivor_id: survivor.id,
        merged_id: merged.id,
        merged_code: merged.code,
        merged_name: merged.name,
        reasons: JSON.stringify(input.reasons ?? []),
        moved: JSON.stringify(moved),
        merged_at: now,
        actor_id: ctx.actor.id,
      })
      .execute();
    const after = await repo.findCustomerById(trx, survivor.id);
    await writeAudit(trx, ctx, {
      action: 'customer.merge',
      entity: 'customer',
      entityId: survivor.id,
      before: { survivor, merged },
      after: { survivor: after, moved, reasons: input.reasons ?? [] },
    });
    return { survivor: after as Customer, mergedId: merged.id, mergedCode: merged.code, moved };
  });
}

/**
 * Resolves a customer code to the live record: a merged-away code leads to its survivor (after
 * following chains of merges).
 */
export async function resolveCustomerCode(deps: Deps, ctx: Ctx, code: string): Promise<Customer> {
  requirePermission(ctx, 'customers.read');
  let c = await repo.findCustomerByCode(deps.store.db, code);
  if (!c) throw notFound('Customer', code);
  for (let hops = 0; c.status === 'merged' && c.mergedIntoId && hops < 20; hops++) {
    const next = await repo.findCustomerById(deps.store.db, c.mergedIntoId);
    if (!next) break;
    c = next;
  }
  await assertCustomerInScope(deps.store.db, ctx, c.id).catch(() => {
    throw notFound('Customer', code);
  });
  return c;
}
