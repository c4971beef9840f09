import type { Readable } from 'node:stream';
import {
  type AuditFilterInput,
  auditFilterInput,
  isCalendarDate,
  type ListAuditQuery,
  listAuditQuery,
} from '../../domain/audit/audit-query.schema';
import { dateToDay, fromWall } from '../../domain/calendar/time-zone';
import {
  type AuditFilter,
  type AuditRow,
  iterateAuditEntries,
  listAuditEntries,
} from '../../store/audit/audit.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

const DAY_MS = 86_400_000;

/** One audit entry as the viewer shows it; before and after parsed from their JSON. */
export interface AuditEntryView {
  id: number;
  seq: number | null;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string | null;
}

function parseJson(text: string | null): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toView(r: AuditRow): AuditEntryView {
  return {
    id: Number(r.id),
    seq: r.seq == null ? null : Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    requestId: r.request_id,
    hash: r.hash,
  };
}

/**
 * Turns the input bounds into instants: a bare date means that whole day in the business time
 * zone, so `to=2026-11-27` includes the evening of the 27th in Shanghai.
 */
function toFilter(deps: Deps, f: AuditFilterInput): AuditFilter {
  const tz = deps.config.timeZone;
  const dayStart = (d: string, plusDays: number) =>
    new Date(fromWall(tz, (dateToDay(d) + plusDays) * DAY_MS)).toISOString();
  const instant = (v: string) => new Date(v).toISOString();
  return {
    ...(f.from ? { from: isCalendarDate(f.from) ? dayStart(f.from, 0) : instant(f.from) } : {}),
    ...(f.to ? { to: isCalendarDate(f.to) ? dayStart(f.to, 1) : instant(f.to) } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

/** A page of the audit log, newest first, filtered (audit.read). */
export async function listAudit(
  deps: Deps,
  ctx: Ctx,
  input: Partial<ListAuditQuery>,
): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'audit.read');
  const q = parseInput(listAuditQuery, input, 'Invalid audit filter');
  const { rows, total } = await listAuditEntries(
    deps.store.db,
    toFilter(deps, q),
    q.page,
    q.pageSize,
  );
  return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
}

const HEADERS: [keyof AuditEntryView, string, string, number][] = [
  ['seq', '序号', 'Seq', 8],
  ['at', '时间', 'At', 26],
  ['actorName', '操作人', 'Actor', 16],
  ['action', '操作', 'Action', 24],
  ['entity', '对象', 'Entity', 16],
  ['entityId', '对象编号', 'Entity id', 12],
  ['before', '修改前', 'Before', 40],
  ['after', '修改后', 'After', 40],
  ['requestId', '请求编号', 'Request id', 20],
  ['hash', '哈希', 'Hash', 66],
];

/**
 * Streams the entries matching a filter as CSV or XLSX (every text cell escaped against formula
 * injection by the shared table writer). The export itself is recorded in the audit log.
 */
export async function exportAudit(
  deps: Deps,
  ctx: Ctx,
  format: ExportFormat,
  input: AuditFilterInput,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Readable> {
  requirePermission(ctx, 'audit.read');
  const f = parseInput(auditFilterInput, input, 'Invalid audit filter');
  const i = lang === 'en' ? 2 : 1;
  const columns: ExportColumn<AuditEntryView>[] = HEADERS.map((h) => ({
    header: h[i] as string,
    value: (e) => e[h[0]],
    width: h[3],
  }));
  await writeAudit(deps.store.db, ctx, {
    action: 'audit.export',
    entity: 'audit_log',
    after: { format, filters: f },
  });
  const filter = toFilter(deps, f);
  async function* rows() {
    for await (const r of iterateAuditEntries(deps.store.db, filter)) yield toView(r);
  }
  return writeTable(format, columns, rows(), 'audit');
}
