import type { Kysely } from 'kysely';
import { assignInput, autoAssignInput, reassignInput } from '../../domain/accounts/accounts.schema';
import {
  type AssignCustomer,
  needsOwner,
  suggestAssignments,
} from '../../domain/accounts/assignment';
import { validationError } from '../../domain/errors';
import { findOwnerUser, type OwnerChange } from '../../store/accounts/owners.repository';
import type { DB } from '../../store/schema';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { type AccountBook, type BookCustomer, loadAccountBook, ownerGone } from './account-book';
import { commitMoves, describeMoves } from './owner-moves';
import { ownerLoads } from './owners.service';

/** The user who is to own customers; must exist and be active. */
async function activeOwner(db: Kysely<DB>, id: number, field: string) {
  const u = await findOwnerUser(db, { id });
  if (!u?.active)
    throw validationError('Invalid owner', [
      { field, message: u ? `user ${id} is not active` : `no user has id ${id}`, value: id },
    ]);
  return u;
}

/**
 * Assigns chosen customers to one active owner. Every id must be a served customer: an unknown
 * one is named (field `customerIds.<i>`) and nothing changes.
 */
export async function assignCustomers(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'accounts.manage');
  const input = parseInput(assignInput, raw, 'Invalid assignment');
  const db = deps.store.db;
  const owner = await activeOwner(db, input.ownerId, 'ownerId');
  const book = await loadAccountBook(db, businessToday(deps, ctx), {
    ids: input.customerIds,
    rows: customerFilter(ctx),
  });
  const known = new Set(book.customers.map((c) => c.id));
  const missing = input.customerIds.map((id, i) => ({ id, i })).filter((x) => !known.has(x.id));
  if (missing.length)
    throw validationError(
      'Invalid assignment',
      missing.map((x) => ({
        field: `customerIds.${x.i}`,
        message: `no served customer has id ${x.id}`,
        value: x.id,
      })),
    );
  const changes = book.customers
    .filter((c) => c.ownerId !== owner.id)
    .map((c) => ({ customerId: c.id, fromOwner: c.ownerId, toOwner: owner.id }));
  const reason = input.reason || 'assigned';
  await commitMoves(deps, ctx, book, changes, {
    action: 'accounts.assign',
    reason,
    detail: { ownerId: owner.id },
  });
  return {
    changed: describeMoves(book, changes),
    unchanged: book.customers.length - changes.length,
  };
}

function toAssign(c: BookCustomer): AssignCustomer {
  return { customerId: c.id, tier: c.tier, region: c.region, model: c.model, weight: c.weight };
}

/** Active candidates with their current load, minus anyone excluded. */
function candidates(book: AccountBook, exclude?: number) {
  const loads = ownerLoads(book);
  return [...book.owners.values()]
    .filter((u) => u.active && u.id !== exclude)
    .map((u) => ({
      userId: u.id,
      roleId: u.roleId,
      region: u.region,
      load: loads.get(u.id)?.load ?? 0,
    }));
}

/**
 * Gives every customer whose tier's model needs a named owner (dedicated, team) and who has
 * none, or an inactive one, an owner of the right role in its region, balancing load. With
 * `dryRun` it only reports what it would do.
 */
export async function autoAssign(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'accounts.manage');
  const input = parseInput(autoAssignInput, raw ?? {}, 'Invalid auto-assignment');
  const book = await loadAccountBook(deps.store.db, businessToday(deps, ctx), {
    rows: customerFilter(ctx),
  });
  const targets = book.customers.filter(
    (c) =>
      needsOwner(c.model) &&
      ownerGone(book, c) &&
      (input.tier === undefined || c.tier === input.tier) &&
      (input.region === undefined || c.region === input.region),
  );
  const s = suggestAssignments(targets.map(toAssign), candidates(book));
  const from = new Map(targets.map((c) => [c.id, c.ownerId]));
  const changes = s.assignments.map((a) => ({
    customerId: a.customerId,
    fromOwner: from.get(a.customerId) ?? null,
    toOwner: a.ownerId,
  }));
  if (!input.dryRun)
    await commitMoves(deps, ctx, book, changes, {
      action: 'accounts.auto_assign',
      reason: 'auto-assigned by load',
      detail: { tier: input.tier ?? null, region: input.region ?? null },
    });
  return {
    dryRun: input.dryRun,
    changed: describeMoves(book, changes),
    unassigned: s.unassigned,
  };
}

/**
 * Moves every customer of an owner who leaves: to one named owner, or (toOwnerId null) those
 * whose tier needs a named owner are balanced over the region's other owners and the rest go
 * back to the pool (also where no other owner fits).
 */
export async function reassignCustomers(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'accounts.manage');
  const input = parseInput(reassignInput, raw, 'Invalid reassignment');
  const db = deps.store.db;
  const from = await findOwnerUser(db, { id: input.fromOwnerId });
  if (!from)
    throw validationError('Invalid reassignment', [
      {
        field: 'fromOwnerId',
        message: `no user has id ${input.fromOwnerId}`,
        value: input.fromOwnerId,
      },
    ]);
  const to = input.toOwnerId === null ? null : await activeOwner(db, input.toOwnerId, 'toOwnerId');
  const book = await loadAccountBook(db, businessToday(deps, ctx), { rows: customerFilter(ctx) });
  const theirs = book.customers.filter((c) => c.ownerId === from.id);
  let changes: OwnerChange[];
  if (to) changes = theirs.map((c) => ({ customerId: c.id, fromOwner: from.id, toOwner: to.id }));
  else {
    const s = suggestAssignments(
      theirs.filter((c) => needsOwner(c.model)).map(toAssign),
      candidates(book, from.id),
    );
    const target = new Map(s.assignments.map((a) => [a.customerId, a.ownerId]));
    changes = theirs.map((c) => ({
      customerId: c.id,
      fromOwner: from.id,
      toOwner: target.get(c.id) ?? null,
    }));
  }
  await commitMoves(deps, ctx, book, changes, {
    action: 'accounts.reassign',
    reason: input.reason,
    detail: { fromOwnerId: from.id, toOwnerId: to?.id ?? null },
  });
  return {
    changed: describeMoves(book, changes),
    toPool: changes.filter((c) => c.toOwner === null).length,
  };
}

/**
 * What the users service calls when it deactivates a user: the user's customers are balanced
 * over the other owners of their region, or go back to the pool.
 */
export async function reassignOnDeactivation(deps: Deps, ctx: Ctx, userId: number) {
  return reassignCustomers(deps, ctx, {
    fromOwnerId: userId,
    toOwnerId: null,
    reason: 'owner deactivated',
  });
}
