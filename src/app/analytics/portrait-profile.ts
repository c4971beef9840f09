import { allows } from '../../domain/auth/permissions';
import type { Customer } from '../../domain/customers/customer.schema';
import { listContactRows } from '../../store/contacts.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { maskPersonal } from '../security/personal-data';

/** Who the customer is, in the fields a one-page portrait shows. */
export interface PortraitProfile {
  id: number;
  code: string;
  name: string;
  type: Customer['type'];
  industry: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  size: Customer['size'];
  source: string | null;
  status: Customer['status'];
  /** The customer file's stage (prospect, active, terminating, terminated). */
  fileStage: Customer['lifecycleStage'];
  mergedIntoId: number | null;
  createdAt: string;
}

/** A contact as the portrait shows it: phones and e-mails masked unless customers.pii. */
export interface PortraitContact {
  id: number;
  name: string;
  title: string | null;
  role: string | null;
  isPrimary: boolean;
  phone: string | null;
  email: string | null;
}

/** How many contacts the portrait lists (primary first). */
const CONTACTS = 5;

/** The profile essentials of a customer file. */
export function profileOf(c: Customer): PortraitProfile {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    type: c.type,
    industry: c.industry,
    region: c.region,
    province: c.province,
    city: c.city,
    size: c.size,
    source: c.source,
    status: c.status,
    fileStage: c.lifecycleStage,
    mergedIntoId: c.mergedIntoId,
    createdAt: c.createdAt,
  };
}

/** True when the reader may see personal data in full (the contacts API's rule). */
export function seesPersonalData(ctx: Ctx): boolean {
  return ctx.actor.id === null || allows(ctx.actor.permissions, 'customers.pii');
}

/**
 * The customer's first contacts, primary first, decrypted and masked exactly as the contacts
 * API presents them to the same reader.
 */
export async function portraitContacts(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
): Promise<{ items: PortraitContact[]; masked: boolean }> {
  const full = seesPersonalData(ctx);
  const rows = (await listContactRows(deps.store.db, customerId)).slice(0, CONTACTS);
  const value = (kind: 'phone' | 'email', enc: string | null) => {
    if (!enc) return null;
    const plain = deps.keyring.decrypt(enc, `contact.${kind}`);
    return full ? plain : maskPersonal(kind, plain);
  };
  return {
    masked: !full,
    items: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      title: r.title,
      role: r.role,
      isPrimary: r.is_primary === 1,
      phone: value('phone', r.phone_enc),
      email: value('email', r.email_enc),
    })),
  };
}
