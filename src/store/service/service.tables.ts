import type { Generated } from 'kysely';

/**
 * A line of a ticket's history: a reply, internal note or follow-up someone wrote, or a line the
 * system writes (created: body is the channel; assignment: body is the assignee's name; status:
 * body is the optional comment).
 */
export interface TicketMessagesTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string; // reply | note | follow_up | status | created | assignment
  /** Null: written by the customer (public form) or the system. */
  author_id: number | null;
  author_name: string;
  body: string;
  visibility: string; // public | internal
  from_status: string | null;
  to_status: string | null;
  created_at: string;
}

/** A file attached to a ticket; the bytes live under dataDir/attachments/<sha256>. */
export interface TicketAttachmentsTable {
  id: Generated<number>;
  ticket_id: number;
  message_id: number | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: string;
}

/** Kysely table types of this capability, merged into `DB` in ../schema.ts. */
export interface ServiceTables {
  ticket_messages: TicketMessagesTable;
  ticket_attachments: TicketAttachmentsTable;
}
