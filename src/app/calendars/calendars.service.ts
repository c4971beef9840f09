import { parseBusinessCalendar } from '../../domain/calendar';
import { DomainError, notFound } from '../../domain/errors';
import * as repo from '../../store/calendars/calendars.repository';
import { shippedCalendars } from '../../store/calendars/shipped-calendar-rows';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { slaCalendarKeysInUse } from '../sla/sla-in-force';
import { requireCalendarReader } from './calendar-access';
import { invalidateCalendarCache } from './calendar-cache';
import { parseCalendarDocument } from './calendar-document';
import { createCalendarInput, updateCalendarInput } from './calendar-input';
import { calendarView } from './calendar-view';

async function rowOf(deps: Deps, idOrKey: number | string) {
  const row = await repo.findCalendar(deps.store.db, idOrKey);
  if (!row) throw notFound('Business calendar', idOrKey);
  return row;
}

/** Every business calendar with its summary (builtins first). */
export async function listCalendars(deps: Deps, ctx: Ctx) {
  requireCalendarReader(ctx);
  const rows = await repo.listCalendars(deps.store.db);
  return rows.map((r) => calendarView(r, parseBusinessCalendar(r.document)));
}

/** One calendar by id or key, with its full document. */
export async function getCalendar(deps: Deps, ctx: Ctx, idOrKey: number | string) {
  requireCalendarReader(ctx);
  const row = await rowOf(deps, idOrKey);
  return calendarView(row, parseBusinessCalendar(row.document));
}

/** Creates a calendar (e.g. a duplicate of a shipped one); the document's id defaults to the key. */
export async function createCalendar(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'service.manage');
  const input = parseInput(createCalendarInput, raw, 'Invalid business calendar');
  const fallbackId = /^[a-z]/.test(input.key) ? input.key : `cal-${input.key}`;
  const cal = parseCalendarDocument({ id: fallbackId, ...input.document });
  const db = deps.store.db;
  if (await repo.findCalendar(db, input.key)) {
    throw new DomainError('DUPLICATE', `A calendar with the key ${input.key} already exists`, {
      issues: [{ field: 'key', message: `${input.key} is taken` }],
    });
  }
  const now = ctx.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertCalendar(
      trx,
      { key: input.key, document: cal, builtin: false, actorId: ctx.actor.id },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'calendar.create',
      entity: 'business_calendar',
      entityId: id,
      after: { key: input.key, document: cal },
    });
    return id;
  });
  invalidateCalendarCache(db);
  return getCalendar(deps, ctx, id);
}

/**
 * Replaces a calendar's document if nobody saved since `version` (STALE_VERSION otherwise).
 * Shipped calendars are editable too (e.g. to add 2027); the audit keeps before and after and
 * resetCalendar restores the shipped data.
 */
export async function updateCalendar(deps: Deps, ctx: Ctx, idOrKey: number | string, raw: unknown) {
  requirePermission(ctx, 'service.manage');
  const input = parseInput(updateCalendarInput, raw, 'Invalid business calendar');
  const before = await rowOf(deps, idOrKey);
  const cal = parseCalendarDocument(input.document);
  await saveDocument(deps, ctx, before, input.version, cal, 'calendar.update');
  return getCalendar(deps, ctx, before.id);
}

/** Writes a new document with the optimistic lock and the audit, then clears the cache. */
export async function saveDocument(
  deps: Deps,
  ctx: Ctx,
  before: repo.CalendarRow,
  version: number,
  cal: ReturnType<typeof parseBusinessCalendar>,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const db = deps.store.db;
  await db.transaction().execute(async (trx) => {
    const ok = await repo.updateCalendarDocument(
      trx,
      before.id,
      version,
      cal,
      ctx.actor.id,
      ctx.now().toISOString(),
    );
    if (!ok) {
      throw new DomainError(
        'STALE_VERSION',
        `Calendar ${before.key} was changed meanwhile (you had version ${version}): reload it`,
        { version: before.version },
      );
    }
    await writeAudit(trx, ctx, {
      action,
      entity: 'business_calendar',
      entityId: before.id,
      before: { key: before.key, version: before.version, document: before.document },
      after: { key: before.key, version: version + 1, document: cal, ...extra },
    });
  });
  invalidateCalendarCache(db);
}

/** Deletes a calendar; shipped ones are refused (SLA policies fall back on them). */
export async function deleteCalendar(deps: Deps, ctx: Ctx, idOrKey: number | string) {
  requirePermission(ctx, 'service.manage');
  const row = await rowOf(deps, idOrKey);
  if (row.builtin) {
    throw new DomainError(
      'INVALID_STATE',
      `Calendar ${row.key} is shipped with the product and cannot be deleted; edit it or reset it instead`,
      { key: row.key },
    );
  }
  const db = deps.store.db;
  // SLA policies name calendars by key; deleting one in use would leave deadlines uncomputable.
  if ((await slaCalendarKeysInUse(db)).includes(row.key))
    throw new DomainError(
      'INVALID_STATE',
      `Calendar ${row.key} is used by SLA policies; change those policies first`,
      { key: row.key },
    );
  await db.transaction().execute(async (trx) => {
    await repo.deleteCalendar(trx, row.id);
    await writeAudit(trx, ctx, {
      action: 'calendar.delete',
      entity: 'business_calendar',
      entityId: row.id,
      before: { key: row.key, version: row.version, document: row.document },
    });
  });
  invalidateCalendarCache(db);
}

/** Restores a shipped calendar to the data the product ships (edits are kept in the audit). */
export async function resetCalendar(deps: Deps, ctx: Ctx, idOrKey: number | string, raw: unknown) {
  requirePermission(ctx, 'service.manage');
  const { version } = parseInput(
    updateCalendarInput.pick({ version: true }),
    raw,
    'Invalid reset request',
  );
  const row = await rowOf(deps, idOrKey);
  const shipped = shippedCalendars().find((s) => s.key === row.key);
  if (!row.builtin || !shipped) {
    throw new DomainError('INVALID_STATE', `Calendar ${row.key} is not a shipped calendar`, {
      key: row.key,
    });
  }
  await saveDocument(deps, ctx, row, version, shipped.document, 'calendar.reset');
  return getCalendar(deps, ctx, row.id);
}

/**
 * Inserts any shipped calendar missing from the database (migration 0016 already inserts them;
 * this repairs a database whose rows were removed by hand). Idempotent; returns the keys added.
 */
export async function ensureBuiltinCalendars(deps: Deps): Promise<string[]> {
  const added: string[] = [];
  const db = deps.store.db;
  for (const s of shippedCalendars()) {
    if (await repo.findCalendar(db, s.key)) continue;
    await repo.insertCalendar(
      db,
      { key: s.key, document: s.document, builtin: true, actorId: null },
      new Date().toISOString(),
    );
    added.push(s.key);
  }
  if (added.length) invalidateCalendarCache(db);
  return added;
}
