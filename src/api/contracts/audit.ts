import { z } from 'zod';

export const auditEntryResponse = z
  .object({
    id: z.number().int(),
    seq: z.number().int().nullable(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    hash: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const chainReportResponse = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    headSeq: z.number().int().nullable(),
    headHash: z.string().nullable(),
    problem: z
      .object({
        kind: z.enum(['hash_mismatch', 'broken_link', 'gap', 'unchained', 'anchor_mismatch']),
        id: z.number().int().nullable(),
        seq: z.number().int().nullable(),
        message: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'AuditChainReport' });
