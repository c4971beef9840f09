import { type Kysely, sql } from 'kysely';
import type { CycleScope } from '../../domain/review/cycle.schema';
import type { StepDef, StepKind } from '../../domain/review/steps';
import type { CycleStatus } from '../../domain/review/workflow';
import { dateText, instantText } from '../row-values';
import type { DB } from '../schema';

export interface CycleRow {
  id: number;
  name: string;
  kind: string;
  schemeId: number;
  schemeVersionId: number;
  runId: number | null;
  asOf: string;
  scope: CycleScope;
  deadline: string;
  effectiveFrom: string | null;
  status: CycleStatus;
  currentStep: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface StepRow {
  position: number;
  kind: StepKind;
  name: { zh: string; en: string };
  roleId: string;
  dueOn: string;
  completedBy: number | null;
  completedAt: string | null;
}

function toCycle(r: {
  id: number;
  name: string;
  kind: string;
  scheme_id: number;
  scheme_version_id: number;
  run_id: number | null;
  as_of: unknown;
  scope: string;
  deadline: unknown;
  effective_from: unknown;
  status: string;
  current_step: number;
  created_by: number | null;
  created_at: unknown;
  updated_at: unknown;
  published_at: unknown;
}): CycleRow {
  return {
    id: Number(r.id),
    name: r.name,
    kind: r.kind,
    schemeId: Number(r.scheme_id),
    schemeVersionId: Number(r.scheme_version_id),
    runId: r.run_id === null ? null : Number(r.run_id),
    asOf: dateText(r.as_of),
    scope: JSON.parse(r.scope) as CycleScope,
    deadline: dateText(r.deadline),
    effectiveFrom: r.effective_from == null ? null : dateText(r.effective_from),
    status: r.status as CycleStatus,
    currentStep: Number(r.current_step),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    updatedAt: instantText(r.updated_at),
    publishedAt: r.published_at == null ? null : instantText(r.published_at),
  };
}

/** Inserts a cycle with its steps; returns its id. */
export async function insertCycle(
  db: Kysely<DB>,
  c: {
    name: string;
    kind: string;
    schemeId: number;
    schemeVersionId: number;
    runId: number;
    asOf: string;
    scope: CycleScope;
    deadline: string;
    effectiveFrom: string | null;
    createdBy: number | null;
  },
  steps: readonly (StepDef & { dueOn: string })[],
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('review_cycles')
    .values({
      name: c.name,
      kind: c.kind,
      scheme_id: c.schemeId,
      scheme_version_id: c.schemeVersionId,
      run_id: c.runId,
      as_of: c.asOf,
      scope: JSON.stringify(c.scope),
      deadline: c.deadline,
      effective_from: c.effectiveFrom,
      status: 'open',
      current_step: 0,
      created_by: c.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await db
    .insertInto('review_steps')
    .values(
      steps.map((s, position) => ({
        cycle_id: id,
        position,
        kind: s.kind,
        name_zh: s.name.zh,
        name_en: s.name.en,
        role_id: s.roleId,
        due_on: s.dueOn,
      })),
    )
    .execute();
  return id;
}

/** One cycle, or undefined. */
export async function findCycle(db: Kysely<DB>, id: number): Promise<CycleRow | undefined> {
  const r = await db
    .selectFrom('review_cycles')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toCycle(r);
}

/** Cycles, newest first, optionally of one scheme or status. */
export async function listCycles(
  db: Kysely<DB>,
  filter: { schemeId?: number | undefined; status?: string | undefined },
): Promise<CycleRow[]> {
  let q = db.selectFrom('review_cycles').selectAll();
  if (filter.schemeId) q = q.where('scheme_id', '=', filter.schemeId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.orderBy('id', 'desc').limit(200).execute()).map(toCycle);
}

/** The steps of a cycle in order. */
export async function cycleSteps(db: Kysely<DB>, cycleId: number): Promise<StepRow[]> {
  const rows = await db
    .selectFrom('review_steps')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    position: Number(r.position),
    kind: r.kind as StepKind,
    name: { zh: r.name_zh, en: r.name_en },
    roleId: r.role_id,
    dueOn: dateText(r.due_on),
    completedBy: r.completed_by === null ? null : Number(r.completed_by),
    completedAt: r.completed_at == null ? null : instantText(r.completed_at),
  }));
}

/**
 * Moves a cycle from one step to another, only if it is still at `from` (a concurrent move
 * wins once); marks the step left as completed when moving forward, and clears the completion
 * of the step returned to when moving back. False when the cycle had moved already.
 */
export async function moveCycle(
  db: Kysely<DB>,
  cycleId: number,
  from: number,
  to: number,
  actorId: number | null,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('review_cycles')
    .set({ current_step: to, updated_at: now })
    .where('id', '=', cycleId)
    .where('current_step', '=', from)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (to > from) {
    await db
      .updateTable('review_steps')
      .set({ completed_by: actorId, completed_at: now })
      .where('cycle_id', '=', cycleId)
      .where('position', '=', from)
      .execute();
  } else {
    await db
      .updateTable('review_steps')
      .set({ completed_by: null, completed_at: null })
      .where('cycle_id', '=', cycleId)
      .where('position', '>=', to)
      .execute();
  }
  return true;
}

/** Sets a cycle's status (and its publication time when published). */
export async function setCycleStatus(
  db: Kysely<DB>,
  cycleId: number,
  status: CycleStatus,
  now: string,
): Promise<void> {
  await db
    .updateTable('review_cycles')
    .set({ status, updated_at: now, ...(status === 'published' ? { published_at: now } : {}) })
    .where('id', '=', cycleId)
    .execute();
}

/** Moves a cycle's deadline. */
export async function setDeadline(
  db: Kysely<DB>,
  cycleId: number,
  deadline: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('review_cycles')
    .set({ deadline, updated_at: now })
    .where('id', '=', cycleId)
    .execute();
}

/** Records an action on a step: complete, return, comment, publish. */
export async function insertEvent(
  db: Kysely<DB>,
  e: {
    cycleId: number;
    position: number;
    action: string;
    actorId: number | null;
    actorName: string;
    comment: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('review_events')
    .values({
      cycle_id: e.cycleId,
      position: e.position,
      action: e.action,
      actor_id: e.actorId,
      actor_name: e.actorName,
      comment: e.comment,
      created_at: now,
    })
    .execute();
}

/** Every recorded action of a cycle, oldest first. */
export async function cycleEvents(db: Kysely<DB>, cycleId: number) {
  const rows = await db
    .selectFrom('review_events')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    position: Number(r.position),
    action: r.action,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    actorName: r.actor_name,
    comment: r.comment,
    createdAt: instantText(r.created_at),
  }));
}

/**
 * Creates one proposal per customer the run placed and the scope selects, straight from the
 * run's results (one INSERT … SELECT, so a million customers never pass through the process).
 */
export async function insertProposals(
  db: Kysely<DB>,
  cycleId: number,
  runId: number,
  scope: CycleScope,
): Promise<number> {
  const conditions = [sql`t.run_id = ${runId}`];
  if (scope.region) conditions.push(sql`c.region = ${scope.region}`);
  if (scope.type) conditions.push(sql`c.type = ${scope.type}`);
  if (scope.industry) conditions.push(sql`c.industry = ${scope.industry}`);
  const r = await sql`
    insert into review_proposals (cycle_id, customer_id, computed_tier, score, previous_tier, version)
    select ${cycleId}, t.customer_id, t.tier, t.score, t.previous_tier, 1
    from tier_results t join customers c on c.id = t.customer_id
    where ${sql.join(conditions, sql` and `)}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Adds to an interim cycle the customers whose published tier was provisional and whose
 * provisional period has ended by this run (seed 002: new customers are re-evaluated after six
 * months), whatever the cycle's scope; returns how many were added.
 */
export async function insertProvisionalDue(
  db: Kysely<DB>,
  cycleId: number,
  runId: number,
  schemeId: number,
): Promise<number> {
  const r = await sql`
    insert into review_proposals (cycle_id, customer_id, computed_tier, score, previous_tier, version)
    select ${cycleId}, t.customer_id, t.tier, t.score, t.previous_tier, 1
    from tier_results t
    join customer_tiers ct on ct.customer_id = t.customer_id and ct.scheme_id = ${schemeId}
    join tier_results pt on pt.run_id = ct.run_id and pt.customer_id = t.customer_id
    where t.run_id = ${runId} and (pt.flags & 1) <> 0 and (t.flags & 1) = 0
      and not exists (
        select 1 from review_proposals p where p.cycle_id = ${cycleId} and p.customer_id = t.customer_id
      )`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
