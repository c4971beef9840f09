import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { notFound, validationError } from '../../domain/errors';
import { attachmentInput, MAX_ATTACHMENT_BYTES } from '../../domain/service/ticket.schema';
import {
  findAttachment,
  insertAttachment,
} from '../../store/service/ticket-attachments.repository';
import { findTicket } from '../../store/service/tickets.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

function attachmentsDir(deps: Deps): string {
  return join(deps.config.dataDir, 'attachments');
}

/**
 * Stores the bytes under dataDir/attachments/<sha256>: the same file attached twice is kept
 * once, and a half-written file never carries the final name (written aside, then renamed).
 */
function storeBytes(deps: Deps, bytes: Buffer, sha256: string): void {
  const dir = attachmentsDir(deps);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, sha256);
  if (existsSync(path)) return;
  const tmp = `${path}.${process.pid}.${Date.now()}.part`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Attaches a file (base64 in JSON) to a ticket; at most 10 MB. */
export async function addAttachment(deps: Deps, ctx: Ctx, ticketId: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(attachmentInput, raw, 'Invalid attachment');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw validationError('Invalid attachment', [
      {
        field: 'dataBase64',
        message: `the file is ${bytes.length} bytes; at most ${MAX_ATTACHMENT_BYTES} (10 MB) are accepted`,
      },
    ]);
  if (bytes.length === 0)
    throw validationError('Invalid attachment', [
      { field: 'dataBase64', message: 'the file is empty' },
    ]);
  const db = deps.store.db;
  if (!(await findTicket(db, ticketId))) throw notFound('Ticket', ticketId);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Bytes first: if the row's transaction fails, an unreferenced file is harmless.
  storeBytes(deps, bytes, sha256);
  const id = await db.transaction().execute(async (trx) => {
    if (input.messageId !== undefined) {
      const m = await trx
        .selectFrom('ticket_messages')
        .select('id')
        .where('id', '=', input.messageId)
        .where('ticket_id', '=', ticketId)
        .executeTakeFirst();
      if (!m)
        throw validationError('Invalid attachment', [
          {
            field: 'messageId',
            message: `message ${input.messageId} is not on ticket ${ticketId}`,
          },
        ]);
    }
    const now = ctx.now().toISOString();
    const newId = await insertAttachment(trx, {
      ticket_id: ticketId,
      message_id: input.messageId ?? null,
      file_name: input.fileName,
      content_type: input.contentType,
      size: bytes.length,
      sha256,
      uploaded_by: ctx.actor.id,
      created_at: now,
    });
    await writeAudit(trx, ctx, {
      action: 'ticket.attach',
      entity: 'ticket',
      entityId: ticketId,
      after: { attachmentId: newId, fileName: input.fileName, size: bytes.length, sha256 },
    });
    return newId;
  });
  const a = await findAttachment(db, ticketId, id);
  if (!a) throw notFound('Attachment', id);
  return a;
}

/** An attachment's description and bytes, for download. */
export async function readAttachment(deps: Deps, ctx: Ctx, ticketId: number, id: number) {
  requirePermission(ctx, 'customers.read');
  const a = await findAttachment(deps.store.db, ticketId, id);
  if (!a) throw notFound('Attachment', id);
  const path = join(attachmentsDir(deps), a.sha256);
  if (!existsSync(path)) throw notFound('Attachment file', a.sha256);
  return { attachment: a, bytes: readFileSync(path) };
}
