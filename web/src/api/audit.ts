import { api, withQuery } from './client';

/** One audit entry; before and after are the entity as JSON. */
export interface AuditEntry {
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

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  q?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** The result of walking the hash chain. */
export interface ChainReport {
  ok: boolean;
  entries: number;
  headSeq: number | null;
  headHash: string | null;
  problem: { kind: string; id: number | null; seq: number | null; message: string } | null;
}

/** A page of entries, newest first (needs audit.read). */
export function listAudit(
  filters: AuditFilters,
  page: number,
  pageSize: number,
): Promise<AuditPage> {
  return api.get<AuditPage>('/api/audit', { ...filters, page, pageSize });
}

/** Where the browser downloads the entries matching the filters. */
export function auditExportUrl(
  filters: AuditFilters,
  format: 'csv' | 'xlsx',
  lang: string,
): string {
  return withQuery('/api/audit/export', {
    ...filters,
    format,
    lang: lang.startsWith('en') ? 'en' : 'zh-CN',
  });
}

/** Checks the hash chain of the whole log (needs audit.read). */
export function verifyAudit(): Promise<ChainReport> {
  return api.get<ChainReport>('/api/audit/verify');
}
